/* The insight page: what the assistant has learned and how it is doing (docs/insight.md).
 *
 * - Data: GET insight/data[?since=YYYY-MM-DD] from the page server
 *   (rasa_components/web_server.py), computed by preferences.selflearning.insight.
 * - Protection: with ASSISTANT_SECRET set the server wants an admin API token
 *   (`prefs token --api`). On a 401 the page shows a paste box; the token is
 *   kept in sessionStorage (this tab only, gone when it closes) and sent as
 *   `Authorization: Bearer ...`. Without the secret the server answers local
 *   requests and no token is asked for.
 * - Everything that comes from the data is set with textContent or as SVG
 *   attribute values, never parsed as HTML: a taught "<script>" stays text.
 * - Plots are inline SVG drawn here: no library, nothing from the network.
 */
(function () {
  "use strict";

  var TOKEN_KEY = "teachable.insightToken";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var FAILURES = ["input", "intent", "entity_recognition", "entity_resolution", "dialogue", "result"];
  var COLORS = {input: "#7b3fa0", intent: "#c2452d", entity_recognition: "#d98a1c", entity_resolution: "#2e8b57",
                dialogue: "#0f8b8d", result: "#6b7785"};

  var $ = function (id) { return document.getElementById(id); };

  // --- small DOM helpers (text only) ------------------------------------------------------------------
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function svg(tag, attrs, parent) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function svgText(parent, x, y, text, anchor, cls) {
    var t = svg("text", {x: x, y: y, "text-anchor": anchor || "start", "class": cls || "axis"}, parent);
    t.textContent = String(text);
    return t;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  /* "2026-11-25T11:13:15.602+00:00" or "...Z" as "2026-11-25 11:13 UTC" (every time the server sends is UTC). */
  function when(s) {
    if (!s) return "-";
    var m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(String(s));
    return m && /(Z|\+00:00)$/.test(s) ? m[1] + " " + m[2] + " UTC" : String(s);
  }

  function pct(x) { return x === null || x === undefined ? "-" : (100 * x).toFixed(1) + " %"; }
  function num(x) { return x === null || x === undefined ? "-" : String(x); }

  function showText(id, text) {
    var node = $(id);
    node.textContent = text || "";
    node.hidden = !text;
  }

  /* A table from a header row and rows of cell values (strings or numbers); an empty body says `empty`. */
  function fillTable(id, headers, rows, empty) {
    var table = clear($(id));
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    headers.forEach(function (h) { var th = el("th", h); th.scope = "col"; head.appendChild(th); });
    var body = table.appendChild(document.createElement("tbody"));
    if (!rows.length) {
      var td = el("td", empty, "muted");
      td.colSpan = headers.length;
      body.appendChild(document.createElement("tr")).appendChild(td);
    }
    rows.forEach(function (cells) {
      var tr = body.appendChild(document.createElement("tr"));
      cells.forEach(function (c) { tr.appendChild(el("td", c)); });
    });
  }

  function cards(id, pairs) {
    var dl = clear($(id));
    pairs.forEach(function (p) {
      var box = dl.appendChild(el("div", null, "card"));
      box.appendChild(el("dt", p[0]));
      box.appendChild(el("dd", p[1]));
    });
  }

  // --- the time axis ----------------------------------------------------------------------------------
  /* Every period from the first to the last (a gap is a period without requests, drawn as nothing). */
  function timeline(series, period) {
    var step = period === "hour" ? 3600e3 : 86400e3;
    var parse = function (s) { return Date.parse(s.length === 10 ? s + "T00:00:00Z" : s.replace("Z", ":00Z")); };
    var byStart = {};
    series.forEach(function (p) { byStart[parse(p.start)] = p; });
    if (!series.length) return [];
    var first = parse(series[0].start), last = parse(series[series.length - 1].start);
    if ((last - first) / step > 400) return series;  // too long to fill: the periods that have data
    var out = [];
    for (var t = first; t <= last; t += step) {
      out.push(byStart[t] || {start: new Date(t).toISOString().slice(0, period === "hour" ? 16 : 10), empty: true});
    }
    return out;
  }

  function label(start, period) { return period === "hour" ? start.slice(5, 16).replace("T", " ") : start.slice(5); }

  /* Bars over a time axis: `stack(p)` gives [[value 0..1, color, title], ...] for one period. */
  function barChart(figure, points, period, stack, caption) {
    clear(figure);
    var W = 720, H = 240, L = 44, R = 8, T = 10, B = 40;
    var chart = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "class": "plot"}, figure);
    svg("title", {}, chart).textContent = caption;
    [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
      var y = T + (H - T - B) * (1 - v);
      svg("line", {x1: L, x2: W - R, y1: y, y2: y, "class": "grid"}, chart);
      svgText(chart, L - 6, y + 4, Math.round(v * 100) + "%", "end");
    });
    if (!points.length) {
      svgText(chart, W / 2, H / 2, "no requests in this period", "middle", "empty");
      return;
    }
    var band = (W - L - R) / points.length, width = Math.max(1, band * 0.8);
    var every = Math.ceil(points.length / 8);
    points.forEach(function (p, i) {
      var x = L + i * band + (band - width) / 2, base = H - B;
      (p.empty ? [] : stack(p)).forEach(function (part) {
        var h = (H - T - B) * Math.min(1, Math.max(0, part[0]));
        if (h <= 0) return;
        var rect = svg("rect", {x: x.toFixed(1), y: (base - h).toFixed(1), width: width.toFixed(1),
                                height: h.toFixed(1), fill: part[1], "class": "bar"}, chart);
        svg("title", {}, rect).textContent = part[2];
        base -= h;
      });
      if (i % every === 0) svgText(chart, x + width / 2, H - B + 16, label(p.start, period), "middle");
    });
    svg("line", {x1: L, x2: W - R, y1: H - B, y2: H - B, "class": "axisline"}, chart);
    figure.appendChild(el("figcaption", caption, "muted"));
  }

  // --- sections ---------------------------------------------------------------------------------------
  function renderSummary(d) {
    showText("tracker-note", d.tracker.note);
    showText("tracker-error", d.tracker.error);
    cards("summary", [
      ["requests", num(d.defects.requests)], ["defect rate", pct(d.defects.rate)], ["users", num(d.log.users)],
      ["sessions", num(d.log.sessions)], ["first request", when(d.log.first)], ["last request", when(d.log.last)]
    ]);
  }

  function renderDefects(d) {
    var s = d.defects;
    $("defects-period").textContent = s.period;
    barChart($("defects-chart"), timeline(s.series, s.period), s.period, function (p) {
      return [[p.rate, "#245b9e", p.start + ": " + p.defects + " of " + p.requests + " requests failed (" +
               pct(p.rate) + ")"]];
    }, "Defect rate per " + s.period + " (" + s.defects + " of " + s.requests + " requests failed)");
    var signals = Object.keys(s.signals || {}).map(function (k) { return k + " " + s.signals[k]; });
    $("defects-signals").textContent = signals.length ? "Signals of the failed requests: " + signals.join(", ") : "";
  }

  function renderFailurePoints(d) {
    var fp = d.failure_points;
    $("fp-method").textContent = fp.method === "model" ? "trained model" : "rules";
    showText("fp-note", fp.note);
    showText("fp-error", fp.error);
    barChart($("fp-chart"), timeline(fp.periods, fp.period), fp.period, function (p) {
      return FAILURES.map(function (k) {
        return [p.shares[k], COLORS[k], p.start + ": " + k + " " + p.counts[k] + " of " + p.requests +
                " requests (" + pct(p.shares[k]) + ")"];
      });
    }, "Failure points per " + fp.period + ", as shares of all requests (" + fp.requests + " requests)");
    var legend = $("fp-chart").appendChild(el("ul", null, "legend"));
    FAILURES.forEach(function (k) {
      var item = legend.appendChild(el("li"));
      var swatch = item.appendChild(el("span", null, "swatch"));
      swatch.style.background = COLORS[k];  // CSSOM, allowed by the page's Content-Security-Policy
      item.appendChild(document.createTextNode(k));
    });
    fillTable("fp-table", ["failure point", "requests", "share", "share of failures", "most frequent"],
      Object.keys(fp.counts).map(function (k) {
        var top = (fp.top_failing_requests[k] || []).slice(0, 3).map(function (t) {
          return t.example + " (" + t.count + ")";
        });
        return [k, fp.counts[k], pct(fp.shares[k]), k in fp.failure_shares ? pct(fp.failure_shares[k]) : "-",
                top.join("; ") || "-"];
      }), "no requests");
  }

  function renderTop(d) {
    fillTable("top-table", ["request", "failed", "asked", "failure rate"], d.top_failing.map(function (t) {
      return [t.example, t.defects, t.requests, pct(t.rate)];
    }), "no failing requests");
  }

  function renderRewrites(d) {
    var r = d.rewrites;
    showText("rw-error", r.error);
    $("rw-meta").textContent = r.version === null ? "No rewrite table in force yet (prefs rewrites mine)." :
      "Version " + r.version + ", mined " + when(r.mined_at) + ".";
    fillTable("rw-table", ["when someone says", "read it as", "users", "P(success)", "own success rate",
                           "rewritten ok / failed", "held out ok / failed", "win rate"],
      r.active.map(function (w) {
        return [w.source_text, w.target_text, w.users, pct(w.probability), pct(w.baseline),
                w.rewritten_ok + " / " + w.rewritten_failed, w.held_out_ok + " / " + w.held_out_failed,
                pct(w.win_rate)];
      }), "no rewrites in force");
    fillTable("wd-table", ["when someone says", "was read as", "withdrawn", "why", "rewritten ok / failed"],
      r.withdrawn.map(function (w) {
        return [w.source_text, w.target_text, when(w.withdrawn_at), w.withdrawn_reason || "-",
                w.rewritten_ok + " / " + w.rewritten_failed];
      }), "none withdrawn");
  }

  function renderOnline(d) {
    var t = d.rewritten_turns;
    fillTable("turns-table", ["turns rewritten", "turns", "succeeded", "success rate"], [
      ["by the precomputed table", t.precomputed.turns, t.precomputed.successes, pct(t.precomputed.success_rate)],
      ["held out (left alone to measure a rewrite)", t.held_out.turns, t.held_out.successes,
       pct(t.held_out.success_rate)],
      ["online (personal or global layer)", t.online.turns, t.online.successes, pct(t.online.success_rate)]
    ], "");
    var o = d.online_index;
    showText("online-error", o.error);
    cards("online", [["online index version", num(o.version)], ["built", when(o.built_at)],
                     ["personal entries", num(o.personal_entries)], ["users with a personal layer",
                     num(o.personal_users)], ["global entries", num(o.global_entries)]]);
  }

  function render(d) {
    $("content").hidden = false;
    [renderSummary, renderDefects, renderFailurePoints, renderTop, renderRewrites, renderOnline].forEach(
      function (f) { f(d); });
    $("status").textContent = "Figures of " + when(d.generated_at) +
      (d.since ? ", requests since " + when(d.since) : "") + ".";
  }

  // --- loading, with the token when the server asks for one ------------------------------------------------
  function askForToken(message) {
    $("content").hidden = true;
    $("token-form").hidden = false;
    $("token-message").textContent = message || "";
    $("status").textContent = "waiting for a token";
    $("token-input").focus();
  }

  function load() {
    var token = window.sessionStorage.getItem(TOKEN_KEY);
    var since = $("since").value;
    var headers = token ? {Authorization: "Bearer " + token} : {};
    $("status").textContent = "loading...";
    $("fatal").hidden = true;
    fetch("insight/data" + (since ? "?since=" + encodeURIComponent(since) : ""),
          {headers: headers, cache: "no-store", credentials: "same-origin"})
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return {status: response.status, body: body};
        });
      })
      .then(function (r) {
        if (r.status === 401) {
          window.sessionStorage.removeItem(TOKEN_KEY);
          askForToken(r.body.message || "The server wants an admin API token.");
        } else if (r.status !== 200) {
          showText("fatal", "The server said " + r.status + ": " + (r.body.message || "no figures"));
          $("status").textContent = "";
        } else {
          $("token-form").hidden = true;
          render(r.body);
        }
      })
      .catch(function (err) {
        showText("fatal", "Could not reach the page server (" + err + ").");
        $("status").textContent = "";
      });
  }

  $("token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var token = $("token-input").value.trim();
    if (!token) return;
    window.sessionStorage.setItem(TOKEN_KEY, token);
    $("token-input").value = "";
    load();
  });
  $("filters").addEventListener("submit", function (event) { event.preventDefault(); load(); });
  load();
})();
