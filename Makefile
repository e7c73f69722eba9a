# Every target sets up what it needs first (idempotent, cached by content hash).
.PHONY: setup chat serve test bench web simulate
setup:
	bash scripts/setup.sh
chat:
	bash scripts/chat.sh
serve:
	bash scripts/serve.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/bench.sh
web:
	bash scripts/web.sh
simulate:
	bash scripts/simulate.sh
