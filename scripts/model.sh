#!/usr/bin/env bash
# Prints the path of a model trained on exactly the current Rasa project data,
# training one only if no model with the same content hash exists (locally or
# in the shared cache). Training output goes to stderr so callers can capture
# the path.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
# Only what training reads: the lock (library versions), config, domain, data
# and the custom components whose output something trained reads. Stateless
# steps after the entity tagger (catalog_spans.py, online_rewriter.py) are
# left out: changing their code changes nothing trained, so needs no retrain
# (adding or removing them in config.yml does retrain).
hash=$( (cat requirements/lock.txt rasa_project/config.yml rasa_project/domain.yml rasa_components/message_guard.py rasa_components/rewriter.py rasa_components/sentence_featurizer.py rasa_components/intent_classifier.py rasa_components/entity_joiner.py;
         find rasa_project/data -type f | LC_ALL=C sort | xargs cat) | sha256sum | cut -c1-16)
name="model-$hash"
mkdir -p models "$CACHE_ROOT/models"
if [ ! -f "models/$name.tar.gz" ]; then
  if [ -f "$CACHE_ROOT/models/$name.tar.gz" ]; then
    cp "$CACHE_ROOT/models/$name.tar.gz" "models/$name.tar.gz"
  else
    log "training the Rasa model (data changed; about ten minutes on two cores)"
    start=$(date +%s)
    "$PY" -m rasa train --config rasa_project/config.yml --domain rasa_project/domain.yml \
        --data rasa_project/data --out models --fixed-model-name "$name" >&2
    echo "$(( $(date +%s) - start ))" > "models/$name.train-seconds"
    cp "models/$name.tar.gz" "$CACHE_ROOT/models/$name.tar.gz.tmp"
    mv "$CACHE_ROOT/models/$name.tar.gz.tmp" "$CACHE_ROOT/models/$name.tar.gz"
  fi
fi
echo "$ROOT/models/$name.tar.gz"
