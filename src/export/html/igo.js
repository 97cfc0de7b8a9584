// igo-graph explorer: draws the record in data.js and data/ (written by
// `igo export html`). Every fact comes from there; this file only picks the
// day asked for and draws it. data.js holds what the first view needs
// (each organisation's description, each state's name); the rest is
// loaded when a view needs it, one file per organisation, state or year of
// the region (see `need`). Views, each with its own link:
//   #ORG/YYYY-MM-DD   an organisation on a day      (#SCO/2017-06-09)
//   #state/ISO        a state in every organisation (#state/ARM)
//   #region/YYYY-MM-DD every organisation on a day
//   #states           the list of states
"use strict";
(function () {
  const D = window.IGO_DATA;
  const SVG = "http://www.w3.org/2000/svg";
  const orgs = D.organizations;
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const stateById = new Map(D.states.map((s) => [s.id, s]));
  const main = document.getElementById("main");
  const UNCERTAIN = "#ffffff";
  // The sources of the files loaded so far, by id; the region's matrices
  // by year.
  D.sources = {};
  const regionByYear = new Map();
  // The world map, and the downloads' texts (igo at per organisation,
  // igo history per state), loaded when asked for.
  const world = { map: null, at: new Map(), history: new Map() };

  // ---- the data files ----------------------------------------------------
  // Each file of data/ is a script calling IGO_LOAD(key, value): a
  // <script> element may load a file next to the page opened from
  // file://, where `fetch` may not. The key names the file: "org/SCO" is
  // data/org-SCO.js.
  const loaded = new Set();
  const waiting = new Map();
  window.IGO_LOAD = function (key, value) {
    const [kind, id] = key.split("/");
    Object.assign(D.sources, value.sources || {});
    if (kind === "org" && orgById.has(id)) {
      Object.assign(orgById.get(id), { days: value.days, starts: value.starts });
    } else if (kind === "state" && stateById.has(id)) {
      Object.assign(stateById.get(id), { spans: value.spans, transitions: value.transitions });
    } else if (kind === "region") {
      regionByYear.set(Number(id), value.region);
    } else if (kind === "map") {
      world.map = value;
    } else if (kind === "at" || kind === "history") {
      world[kind].set(id, value);
    } else return;
    loaded.add(key);
  };
  // Loads the files of `keys` (each once), then calls `then(missing)`:
  // the keys whose file could not be loaded, none if all were. Every
  // script element is removed once its file has run.
  function need(keys, then) {
    const todo = keys.filter((k) => !loaded.has(k));
    let left = todo.length;
    if (left === 0) return then([]);
    const one = () => {
      if (--left === 0) then(keys.filter((k) => !loaded.has(k)));
    };
    for (const key of todo) {
      if (waiting.has(key)) {
        waiting.get(key).push(one);
        continue;
      }
      waiting.set(key, [one]);
      const script = document.createElement("script");
      const done = () => {
        script.remove();
        const calls = waiting.get(key);
        waiting.delete(key);
        for (const f of calls) f();
      };
      script.addEventListener("load", done);
      script.addEventListener("error", done);
      script.src = fileOf(key);
      document.body.append(script);
    }
  }
  const fileOf = (key) => `data/${key.replace("/", "-")}.js`;
  // While files load, `main` is marked busy and says so; a file that
  // could not be loaded is named.
  function loading(e) {
    main.setAttribute("aria-busy", "true");
    put(e, el("p", { class: "loading", id: "loading", role: "status", text: "Loading…" }));
  }
  function failed(e, missing) {
    main.removeAttribute("aria-busy");
    put(e, el("p", { class: "error", role: "alert", id: "load-error",
      text: `Could not load ${missing.map(fileOf).join(", ")}: the folder written by igo export html is incomplete.` }));
  }

  // ---- small helpers -------------------------------------------------
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }
  function sv(tag, attrs, ...kids) {
    const e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
  }
  function append(e, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      e.append(typeof k === "string" || typeof k === "number" ? String(k) : k);
    }
  }
  // Replaces the children of `e`; arrays are flattened, nulls skipped.
  function put(e, ...kids) {
    e.replaceChildren();
    append(e, kids);
  }
  // Today in UTC, as the igo command line counts it.
  const today = () => new Date().toISOString().slice(0, 10);
  function isDay(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const [y, m, d] = s.split("-").map(Number);
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }
  // The address's fragment, decoded; a malformed escape is kept as typed.
  function fragment() {
    const raw = location.hash.replace(/^#/, "");
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  // Dates are ISO strings; a month or a year ("2017-06", "1996") sorts
  // before every day inside it, which is what "on or before" needs.
  function lastOnOrBefore(list, date, key) {
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(list[mid]) <= date) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }
  function dayOn(org, date) {
    const i = lastOnOrBefore(org.days, date, (d) => d.date);
    return i < 0 ? null : org.days[i];
  }
  const stateName = (id) => (stateById.get(id) || { name: id }).name;
  // A title at the start of a line: "chairmanship" -> "Chairmanship".
  const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const statusOf = (org, id) => org.statuses.find((s) => s.id === id) ||
    { id, label: id.replace(/_/g, " "), plural: id, tier: "none", color: "#eeeeee" };
  const stateLink = (id) => el("a", { href: `#state/${id}`, text: stateName(id) });
  const orgName = (id) => (orgById.get(id) || { short_name: id }).short_name;
  function years(a, b) {
    const out = [];
    for (let y = a; y <= b; y++) out.push(y);
    return out;
  }
  const yearOf = (d) => Number(String(d).slice(0, 4));
  // A date as a fraction of years, for the charts (the first day of an
  // imprecise date).
  function frac(d) {
    const [y, m, dd] = String(d).split("-").map(Number);
    return y + ((m || 1) - 1) / 12 + ((dd || 1) - 1) / 365;
  }

  // ---- the views -------------------------------------------------------
  function route() {
    const h = fragment();
    const [head, arg] = h.split("/");
    if (head === "state" && arg) return { view: "state", id: arg.toUpperCase() };
    if (head === "states") return { view: "states" };
    if (head === "search") return { view: "search", query: h.slice("search/".length) };
    if (head === "region") return { view: "region", date: arg };
    const org = orgById.get((head || "").toUpperCase());
    if (org) return { view: "org", org, date: arg };
    return { view: "org", org: orgById.get(D.home) || orgs[0], date: undefined, home: h !== "" };
  }

  // The navigation, built once; each view marks its own link.
  function nav(current) {
    const n = document.getElementById("nav");
    if (n.childElementCount === 0) {
      for (const o of orgs) n.append(el("a", { href: `#${o.id}`, text: o.id, title: o.name, "data-view": o.id }));
      n.append(el("a", { href: "#region", text: "Region", "data-view": "region" }));
      n.append(el("a", { href: "#states", text: "States", "data-view": "states" }));
      document.querySelector("header").append(searchBox());
    }
    for (const a of n.children) {
      if (a.dataset.view === current) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  }

  // The files a view needs before it can be drawn.
  function files(r) {
    if (r.view === "org") return [`org/${r.org.id}`, "map"];
    if (r.view === "state") return stateById.has(r.id) ? [`state/${r.id}`] : [];
    if (r.view === "region") return orgs.map((o) => `org/${o.id}`).concat(["map"]);
    return [];
  }

  let lastView = null;
  let rendering = 0;
  // Draws the view of the address, once the files it needs are loaded
  // (if the address changed meanwhile, the newer view is drawn instead).
  // A new view starts at the top; a new day of the same view stays put.
  // After a link or the back button (`followed`), the keyboard's focus
  // goes to the start of the content, whose controls were drawn anew; on
  // the first load the page begins at its top.
  function render(followed) {
    const r = route();
    const view = r.view === "org" ? r.org.id : r.view === "state" ? `state/${r.id}` : r.view;
    const token = ++rendering;
    const keys = files(r);
    if (keys.some((k) => !loaded.has(k))) loading(main);
    need(keys, (missing) => {
      if (token !== rendering) return;
      if (missing.length) return failed(main, missing);
      if (view !== lastView) window.scrollTo(0, 0);
      lastView = view;
      main.removeAttribute("aria-busy");
      draw(r);
      if (followed) main.focus({ preventScroll: true });
    });
  }

  function draw(r) {
    if (r.view === "state") return renderState(r.id);
    if (r.view === "states") return renderStates();
    if (r.view === "search") return renderSearch(r.query);
    if (r.view === "region") return renderRegion(r.date);
    return renderOrg(r.org, r.date, r.home);
  }

  // The days a date control steps through: every day of change up to
  // today, and today.
  function stops(days) {
    const t = today();
    const list = days.filter((d) => d < t);
    list.push(t);
    return list;
  }

  // The day a view was asked for: `asked` when it is a day on or after
  // `first`, else today (or `first`), with a notice saying why.
  function dayAsked(asked, first, what) {
    const t = today() < first ? first : today();
    if (asked === undefined || asked === "") return { date: t };
    if (!isDay(asked)) {
      return { date: t, notice: `“${asked}” is not a day (YYYY-MM-DD): showing ${t}.` };
    }
    if (asked < first) {
      return { date: first, notice: `${what} begins on ${first}; ${asked} is before it: showing ${first}.` };
    }
    return { date: asked };
  }

  // A slider over `list`, buttons for the previous and next day of change,
  // and a typed date. `show(date, how)` draws a day; `how` is "push" (a new
  // entry in the browser's history), "replace" or "none" (while the slider
  // is dragged: the address follows when it is let go).
  function dateControl(list, date, min, show) {
    let shown = date;
    const slider = el("input", {
      type: "range", id: "slider", min: 0, max: list.length - 1, step: 1,
      value: Math.max(0, lastOnOrBefore(list, date, (d) => d)),
      "aria-label": "Days of change",
    });
    const typed = el("input", {
      type: "text", id: "day", value: date, inputmode: "numeric",
      placeholder: "YYYY-MM-DD", "aria-label": "Any day (YYYY-MM-DD)",
      autocomplete: "off", spellcheck: "false",
    });
    const msg = el("span", { class: "error", role: "alert", id: "date-error" });
    const sync = (d) => {
      shown = d;
      const i = Math.max(0, lastOnOrBefore(list, d, (x) => x));
      slider.value = i;
      slider.setAttribute("aria-valuetext", d);
      typed.value = d;
      msg.textContent = "";
    };
    slider.addEventListener("input", () => {
      const d = list[Number(slider.value)];
      sync(d);
      show(d, "none");
    });
    slider.addEventListener("change", () => show(list[Number(slider.value)], "push"));
    const step = (by) => () => {
      let i = Number(slider.value);
      // Between two days of change, "previous" is the one being shown.
      if (!(by < 0 && list[i] < shown)) i += by;
      i = Math.min(list.length - 1, Math.max(0, i));
      sync(list[i]);
      show(list[i], "push");
    };
    const form = el("form", {
      novalidate: true,
      onsubmit: (ev) => {
        ev.preventDefault();
        const d = typed.value.trim();
        if (!isDay(d)) {
          msg.textContent = `“${d}” is not a day: write it as YYYY-MM-DD, for example 2017-06-09.`;
          return;
        }
        if (d < min) {
          msg.textContent = `${d} is before ${min}, the first day shown here.`;
          return;
        }
        sync(d);
        show(d, "push");
      },
    }, el("label", {}, "Day", typed), el("button", { type: "submit", text: "Show" }));
    sync(date);
    return el("div", { class: "controls" },
      el("button", { type: "button", id: "prev", onclick: step(-1), text: "◀ Previous change" }),
      el("label", { class: "slider-label" }, "Days of change", slider),
      el("button", { type: "button", id: "next", onclick: step(1), text: "Next change ▶" }),
      form, msg);
  }

  // Moves the address to `hash` (see `dateControl` for `how`).
  function navigate(hash, how) {
    if (how === "none" || location.hash === hash) return;
    if (how === "push") history.pushState(null, "", hash);
    else history.replaceState(null, "", hash);
  }

  // ---- an organisation on a day ------------------------------------------
  function renderOrg(org, asked, unknown) {
    const list = stops(org.days.map((d) => d.date));
    const { date, notice } = dayAsked(asked, org.days[0].date, `The ${org.short_name}`);
    nav(org.id);
    const content = el("div", { id: "content" });
    const show = (d, push) => {
      navigate(`#${org.id}/${d}`, push);
      document.title = `${org.short_name} on ${d} · igo-graph explorer`;
      put(content, ...orgDay(org, d, list));
    };
    const dates = [org.founded, org.dissolved ? `ended ${org.dissolved}` : null].filter(Boolean);
    put(main, 
      el("h1", { text: org.name }),
      el("p", { class: "meta" },
        `${org.short_name} · founded ${dates.join(" · ")}`,
        org.predecessor ? [" · continued ", el("a", { href: `#${org.predecessor}`, text: orgName(org.predecessor) })] : null,
        org.successor ? [" · continued by ", el("a", { href: `#${org.successor}`, text: orgName(org.successor) })] : null,
        org.reviewed ? ` · data reviewed ${org.reviewed}` : null),
      unknown ? el("p", { class: "error", role: "alert", text: `No view “${fragment()}”: showing the ${org.short_name}.` }) : null,
      notice ? el("p", { class: "error", role: "alert", id: "notice", text: notice }) : null,
      dateControl(list, date, org.days[0].date, show),
      content);
    show(date, "replace");
  }

  function orgDay(org, date, list) {
    const day = dayOn(org, date);
    const out = [];
    const since = day.changed === date ? "a day of change" : `unchanged since ${day.changed}`;
    out.push(el("p", { class: "shown", id: "shown", "data-date": date, "data-since": day.changed },
      el("strong", { text: `On ${date}` }), ` (${since}): `,
      day.exists ? `${day.counts.family} states hold a status` : "the organisation no longer exists"));
    if (day.caveat) out.push(el("p", { class: "caveat", role: "note", id: "caveat", text: `Caveat: ${day.caveat}.` }));
    if (day.coverage) out.push(el("p", { class: "caveat", role: "note", id: "coverage", text: `Caveat: ${day.coverage}.` }));
    const roster = [];
    for (const s of org.statuses) {
      const ids = (day.statuses[s.id] || []).slice().sort((a, b) => stateName(a).localeCompare(stateName(b)));
      for (const id of ids) roster.push({ id, status: s });
    }
    out.push(downloadsAt(org, day, date), citeLine(`${org.id}/${date}`));
    out.push(el("div", { class: "grid" },
      el("div", {}, mapFigure(org, day, date),
      el("figure", {},
        diagram(org, day, { links: true }),
        legend(org, day),
        el("figcaption", { text: `The ${org.short_name} on ${date}: each state drawn by its status; the ${org.chair_title} has a red ring, uncertain states a dashed one. The same facts are in the tables.` }))),
      el("div", {},
        el("h2", { text: "States by status" }),
        table(["State", "ISO", "Status", "Since"], roster.map((r) => {
          return el("tr", { "data-state": r.id, "data-status": r.status.id },
            el("td", {}, stateLink(r.id), day.chair === r.id ? ` (${org.chair_title})` : null),
            el("td", { text: r.id }),
            el("td", {}, el("span", { class: "swatch", style: `background:${r.status.color}` }), r.status.label),
            el("td", { text: firstDayOf(org, r.id, date) }));
        }), "roster"),
        el("h2", { text: "Counts" }),
        table(["Status", "States"], org.statuses.map((s) => el("tr", { "data-status": s.id },
          el("td", { text: s.plural }), el("td", { class: "num", text: day.counts.statuses[s.id] || 0 })))
          .concat([el("tr", {}, el("th", { text: "all statuses" }), el("th", { class: "num", text: day.counts.family }))]), "counts"),
        el("h2", { text: "Offices" }),
        el("dl", { class: "facts", id: "offices", "data-chair": day.chair || "", "data-secretary-general": day.secretary_general || "" },
          el("dt", { text: capital(org.chair_title) }),
          el("dd", {}, day.chair ? [stateLink(day.chair), day.chair_certain === false ? el("span", { class: "uncertain-mark", text: " (uncertain on this day)" }) : null,
            day.chair_evidence === "inferred" ? el("span", { class: "uncertain-mark", "data-evidence": "inferred", text: " (term's day inferred)" }) : null] : "not known"),
          org.offices.map((o) => {
            const h = day.offices.find((x) => x.id === o.id);
            return [el("dt", { text: o.label }),
              el("dd", { "data-office": o.id }, h ? [h.name, h.certain === false ? el("span", { class: "uncertain-mark", text: " (uncertain on this day)" }) : null] : "none or not known")];
          })),
        uncertainTable(org, day),
        pendingTable(org, day))));
    out.push(el("h2", { text: "Growth" }), growth(org, date, list));
    return out;
  }

  // The first day of the state's last span in the organisation begun on
  // or before `date`.
  function firstDayOf(org, state, date) {
    let best = "";
    for (const start of org.starts[state] || []) if (start <= date) best = start;
    return best;
  }

  function uncertainTable(org, day) {
    if (day.uncertain.length === 0) return null;
    return el("div", {},
      el("h2", { text: "Uncertain on this day" }),
      table(["State", "May hold", "Why", "Sources"], day.uncertain.map((u) =>
        el("tr", { "data-state": u.state, "data-status": "uncertain", "data-possible": u.possible.join(" "), "data-reason": u.reason },
          el("td", {}, stateLink(u.state)),
          el("td", { text: u.possible.map((p) => statusOf(org, p).label).join(" or ") }),
          el("td", { text: reason(u.reason) }),
          el("td", {}, sourceRefs(u.sources, u.reason === "conflicting_days" ? "kept day" : "for"),
            sourceRefs(u.against, u.reason === "conflicting_days" ? "other days" : "against")))), "uncertain"));
  }

  // Why a status cannot be decided on a day.
  function reason(r) {
    if (r === "disputed") return "the sources dispute the status";
    if (r === "imprecise_date") return "the day falls inside a date known only to the month or year";
    if (r === "conflicting_days") return "the sources give different days for a change, and the day falls between them";
    if (r === "missing") return "the data has no code for this year";
    return r.replace(/_/g, " ");
  }

  function pendingTable(org, day) {
    if (day.pending.length === 0) return null;
    return el("div", {},
      el("h2", { text: "Decided, not yet in effect" }),
      table(["State", "Status", "Decided"], day.pending.map((p) =>
        el("tr", { "data-state": p.state, "data-status": p.status },
          el("td", {}, stateLink(p.state)),
          el("td", { text: statusOf(org, p.status).label }),
          el("td", { text: p.decided || "" }))), "pending"));
  }

  function sourceRefs(ids, word) {
    if (!ids || ids.length === 0) return null;
    return el("span", {}, `${word}: `, ids.map((id, i) => {
      const s = D.sources[id];
      return [i ? ", " : "", s ? el("a", { href: s.url, class: "source", title: s.title, text: s.publisher || s.title }) : id];
    }), " ");
  }

  function table(head, rows, id) {
    return el("div", { class: "scroll" }, el("table", { id },
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows)));
  }

  function legend(org, day) {
    return el("ul", { class: "legend" }, org.statuses.map((s) =>
      el("li", {}, el("span", { class: "swatch", style: `background:${s.color}` }), `${s.plural} (${day.counts.statuses[s.id] || 0})`)),
    day.counts.uncertain ? el("li", {}, el("span", { class: "swatch", style: "background:#fff;border-style:dashed" }), `uncertain (${day.counts.uncertain})`) : null);
  }

  // The organisation in the middle, its states on rings, one ring per
  // status (members innermost), then the uncertain ones.
  function diagram(org, day, opts) {
    const groups = [];
    for (const s of org.statuses) {
      const ids = day.statuses[s.id] || [];
      if (ids.length) groups.push({ ids, status: s });
    }
    if (day.uncertain.length) {
      groups.push({ ids: day.uncertain.map((u) => u.state), status: { id: "uncertain", label: "uncertain", color: UNCERTAIN } });
    }
    const node = 17, gap = 40;
    let r = 0;
    const rings = groups.map((g, k) => {
      r = Math.max(k === 0 ? 70 : r + 44, (g.ids.length * gap) / (2 * Math.PI));
      return { ...g, r };
    });
    // An organisation without states that day keeps the size of a small
    // diagram rather than a disc as wide as the page.
    const R = Math.max(110, r + node + 8);
    const s = sv("svg", {
      viewBox: `${-R} ${-R} ${2 * R} ${2 * R}`, width: Math.round(2 * R), height: Math.round(2 * R),
      role: "group", "aria-label": `Diagram of the ${org.short_name} on ${day.date}: ${day.family_size} states`,
      class: "diagram",
    });
    const lines = sv("g", { stroke: "#bbb", "stroke-width": 1 });
    const nodes = sv("g", {});
    rings.forEach((g, k) => {
      s.append(sv("circle", { r: g.r, fill: "none", stroke: "#eee" }));
      g.ids.forEach((id, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * (i + (k % 2) * 0.5)) / g.ids.length;
        const x = +(g.r * Math.cos(a)).toFixed(1), y = +(g.r * Math.sin(a)).toFixed(1);
        lines.append(sv("line", { x1: 0, y1: 0, x2: x, y2: y }));
        const chair = day.chair === id;
        const label = `${stateName(id)}: ${g.status.label}${chair ? `, ${org.chair_title}` : ""}`;
        const shape = [
          sv("title", { text: label }),
          sv("circle", {
            cx: x, cy: y, r: node, fill: g.status.color,
            stroke: chair ? "#cb181d" : "#555", "stroke-width": chair ? 3 : 1,
            "stroke-dasharray": g.status.id === "uncertain" ? "3 2" : null,
          }),
          sv("text", { x, y: y + 3.5, "text-anchor": "middle", "font-size": 10, text: id }),
        ];
        nodes.append(opts.links
          ? sv("a", { href: `#state/${id}`, "data-state": id, "data-status": g.status.id, "aria-label": label }, shape)
          : sv("g", { "data-state": id, "data-status": g.status.id }, shape));
      });
    });
    s.append(lines, nodes,
      sv("circle", { r: 30, fill: "#fff7bc", stroke: "#888" }),
      sv("text", { y: 4, "text-anchor": "middle", "font-size": Math.min(12, 96 / org.id.length).toFixed(1), "font-weight": 700, text: org.id }));
    return s;
  }

  // The number of states holding each tier over time, with the day shown
  // marked; the table below it has the same numbers.
  function growth(org, date, list) {
    const end = list[list.length - 1] > date ? list[list.length - 1] : date;
    const x0 = yearOf(org.founded), x1 = yearOf(end) + 1;
    const max = Math.max(1, ...org.days.map((d) => d.counts.family + d.counts.uncertain));
    const W = 720, H = 220, L = 36, B = 24, T = 8;
    const X = (d) => L + ((frac(d) - x0) / (x1 - x0)) * (W - L - 8);
    const Y = (n) => T + (H - T - B) * (1 - n / max);
    const s = sv("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": "growth-title", id: "growth" },
      sv("title", { id: "growth-title", text: `States holding a status in the ${org.short_name}, ${org.founded} to ${end}; the day shown, ${date}, is marked.` }));
    const step = (f) => {
      let p = "";
      org.days.forEach((d, i) => {
        const x = X(d.date).toFixed(1), y = Y(f(d)).toFixed(1);
        p += i === 0 ? `M${x},${y}` : `H${x}V${y}`;
      });
      return p + `H${X(end).toFixed(1)}`;
    };
    for (const y of years(x0, x1)) {
      if ((x1 - x0) > 12 && y % 5 !== 0) continue;
      s.append(sv("line", { x1: X(`${y}`), x2: X(`${y}`), y1: T, y2: H - B, stroke: "#eee" }),
        sv("text", { x: X(`${y}`), y: H - 8, "font-size": 10, "text-anchor": "middle", text: y }));
    }
    for (const n of [0, max]) s.append(sv("text", { x: L - 4, y: Y(n) + 3, "font-size": 10, "text-anchor": "end", text: n }));
    const tiers = [...new Set(org.statuses.map((st) => st.tier))];
    const colors = { member: "#2171b5", associate: "#41ab5d", observer: "#756bb1", partner: "#e6550d" };
    const dashes = { member: null, associate: "6 3", observer: "2 2", partner: "8 2 2 2" };
    s.append(sv("path", { d: step((d) => d.counts.family), fill: "none", stroke: "#333", "stroke-width": 2 }));
    for (const t of tiers) {
      const n = (d) => d.counts.tiers[t] || 0;
      s.append(sv("path", { d: step(n), fill: "none", stroke: colors[t] || "#888", "stroke-width": 1.5, "stroke-dasharray": dashes[t] || "1 3" }));
    }
    s.append(sv("line", { x1: X(date), x2: X(date), y1: T, y2: H - B, stroke: "#cb181d", "stroke-width": 2, id: "marker" }));
    const key = el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch", style: "background:#333" }), "all statuses"),
      tiers.map((t) => el("li", {},
        sv("svg", { width: 28, height: 10, "aria-hidden": "true", class: "line-sample" },
          sv("line", { x1: 0, y1: 5, x2: 28, y2: 5, stroke: colors[t] || "#888", "stroke-width": 2, "stroke-dasharray": dashes[t] || "1 3" })),
        ` tier ${t}`)),
      el("li", {}, el("span", { class: "swatch", style: "background:#cb181d" }), `the day shown (${date})`));
    const rows = org.days.map((d) => el("tr", { "aria-current": d === dayOn(org, date) ? "true" : null },
      el("td", {}, el("a", { href: `#${org.id}/${d.date}`, text: d.date })),
      org.statuses.map((st) => el("td", { class: "num", text: d.counts.statuses[st.id] || 0 })),
      el("td", { class: "num", text: d.counts.family }),
      el("td", { class: "num", text: d.counts.uncertain })));
    return el("figure", {}, el("div", { class: "scroll" }, s), key,
      el("details", {}, el("summary", { text: "The numbers, day by day" }),
        table(["From", ...org.statuses.map((st) => st.plural), "all", "uncertain"], rows, "growth-table")));
  }

  // ---- a state -----------------------------------------------------------
  function renderState(id) {
    nav(null);
    const st = stateById.get(id);
    if (!st) {
      document.title = "No such state · igo-graph explorer";
      put(main, el("h1", { text: "No such state" }),
        el("p", { class: "error", role: "alert", text: `No state “${id}” holds a status in this data.` }),
        el("p", {}, el("a", { href: "#states", text: "The list of states" })));
      return;
    }
    document.title = `${st.name} · igo-graph explorer`;
    const facts = el("dl", { class: "facts" },
      el("dt", { text: "ISO alpha-3" }), el("dd", { text: st.id }),
      st.official_name ? [el("dt", { text: "Official name" }), el("dd", { text: st.official_name })] : null,
      st.cow_code ? [el("dt", { text: "COW code" }), el("dd", { text: `${st.cow_code} (${st.cow_abbrev || ""})` })] : null,
      st.wikidata ? [el("dt", { text: "Wikidata" }), el("dd", {}, el("a", { href: `https://www.wikidata.org/wiki/${st.wikidata}`, text: st.wikidata }))] : null);
    const byOrg = orgs.filter((o) => st.spans.some((s) => s.organization === o.id) || st.transitions.some((t) => t.organization === o.id));
    put(main, 
      el("h1", { text: st.name, "data-state": st.id }), facts,
      downloadsHistory(st), citeLine(`state/${st.id}`),
      el("h2", { text: "Status over time" }),
      stateTimeline(st, byOrg),
      table(["Organisation", "Status", "From", "Until"], st.spans.map((sp) => {
        const org = orgById.get(sp.organization);
        return el("tr", { "data-state": st.id, "data-org": sp.organization, "data-status": sp.status },
          el("td", {}, el("a", { href: `#${sp.organization}/${dayOf(sp.start)}`, text: orgName(sp.organization) })),
          el("td", { text: statusOf(org, sp.status).label + (uncertainSpan(sp) ? ` (${uncertainSpan(sp)})` : "") }),
          el("td", { text: boundary(sp.start) }),
          el("td", { text: sp.end ? boundary(sp.end) + (sp.end_disputed ? " (disputed: the status may still be held)" : "") : "" }));
      }), "spans"),
      el("h2", { text: "Transitions and their sources" }),
      byOrg.map((o) => el("section", { "data-org": o.id },
        el("h3", {}, el("a", { href: `#${o.id}`, text: o.name })),
        el("ol", { class: "transitions" }, st.transitions.filter((t) => t.organization === o.id).map((t) => transition(o, t))))));
  }

  // The first day of a boundary's date (a month or a year: its first day).
  function dayOf(b) {
    const d = b.effective || b.decided || "";
    if (/^\d{4}$/.test(d)) return `${d}-01-01`;
    if (/^\d{4}-\d{2}$/.test(d)) return `${d}-01`;
    return d;
  }
  function boundary(b) {
    const e = b.effective ? `in effect ${b.effective}` : "not yet in effect";
    return b.decided && b.decided !== b.effective ? `${e} (decided ${b.decided})` : e;
  }

  function transition(org, t) {
    return el("li", { "data-status": t.status },
      el("strong", { text: statusOf(org, t.status).label }),
      ` · decided ${t.decided || "not known"} · in effect ${t.effective || "not yet"}`,
      t.evidence === "inferred" ? el("span", { class: "uncertain-mark", "data-evidence": "inferred", text: " · day inferred (the note says how)" }) : null,
      t.note ? el("p", { class: "note", text: t.note }) : null,
      t.against.length ? el("p", { class: "side", text: "Disputed. Sources for the status:" }) : null,
      sourceList(t.sources, "for"),
      t.against.length ? el("p", { class: "side", text: "Sources against it:" }) : null,
      t.against.length ? sourceList(t.against, "against") : null,
      t.alternatives.map((a) => el("div", { class: "other-day", "data-other-day": a.days },
        el("p", { class: "side", text: `Other sources give ${a.days}; the days between are uncertain.` }),
        a.note ? el("p", { class: "note", text: a.note }) : null,
        sourceList(a.sources, "other"))));
  }

  // A transition's sources in full, with their quotes.
  function sourceList(ids, side) {
    return el("ul", { class: "sources", "data-side": side }, ids.map((id) => {
      const s = D.sources[id];
      if (!s) return el("li", { text: id });
      return el("li", { "data-source": id },
        el("a", { href: s.url, class: "source", text: s.title }),
        [s.publisher, s.published].filter(Boolean).length ? ` (${[s.publisher, s.published].filter(Boolean).join(", ")})` : null,
        s.quote ? el("blockquote", { text: s.quote }) : null);
    }));
  }

  // Why a span's status is never certain, if it is not.
  function uncertainSpan(sp) {
    if (sp.disputed) return "disputed";
    if (sp.status === "unknown") return "missing data";
    return "";
  }

  // One row per organisation, a bar per span, coloured by status.
  function stateTimeline(st, byOrg) {
    const end = today();
    const starts = st.spans.map((s) => s.start.effective).filter(Boolean);
    if (starts.length === 0) return el("p", { text: "No status has taken effect yet." });
    const x0 = Math.min(...starts.map(yearOf)), x1 = yearOf(end) + 1;
    const W = 720, row = 26, L = 70, T = 6, B = 22;
    const H = T + B + row * byOrg.length;
    const X = (d) => L + ((frac(d) - x0) / (x1 - x0)) * (W - L - 8);
    const s = sv("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": "tl-title", id: "timeline" },
      sv("title", { id: "tl-title", text: `${st.name}'s status in ${byOrg.length} organisations over time; the table below has the same spans.` }));
    for (const y of years(x0, x1)) {
      if ((x1 - x0) > 12 && y % 5 !== 0) continue;
      s.append(sv("line", { x1: X(`${y}`), x2: X(`${y}`), y1: T, y2: H - B, stroke: "#eee" }),
        sv("text", { x: X(`${y}`), y: H - 6, "font-size": 10, "text-anchor": "middle", text: y }));
    }
    byOrg.forEach((o, i) => {
      const y = T + i * row;
      s.append(sv("text", { x: 0, y: y + 16, "font-size": 11, text: o.id }));
      for (const sp of st.spans.filter((x) => x.organization === o.id)) {
        // Drawn from the day a status took effect to the day its end did:
        // a decision not yet in effect is in the table, not on the bars.
        const a = sp.start.effective;
        if (!a) continue;
        const b = sp.end && sp.end.effective ? sp.end.effective : end;
        const info = statusOf(o, sp.status);
        // A status never certain (disputed, missing data) is drawn dashed
        // and pale, and says why: it is in no count.
        const why = uncertainSpan(sp);
        s.append(sv("rect", {
          x: X(a).toFixed(1), y: y + 4, height: row - 8, width: Math.max(2, X(b) - X(a)).toFixed(1),
          fill: info.color, stroke: "#555", "data-org": o.id, "data-status": sp.status,
          "fill-opacity": why ? 0.35 : 1, "stroke-dasharray": why ? "4 2" : null, "data-uncertain": why || null,
        }, sv("title", { text: `${o.short_name}: ${info.label}${why ? ` (${why})` : ""}, ${a} to ${sp.end && sp.end.effective ? b : "today"}` })));
      }
    });
    return el("figure", {}, el("div", { class: "scroll" }, s),
      el("p", { class: "scroll-hint", "aria-hidden": "true", text: "The chart scrolls sideways: swipe it to see later years →" }),
      timelineKey(st, byOrg));
  }

  // ---- the region ----------------------------------------------------------
  function renderRegion(asked) {
    nav("region");
    document.title = "The region · igo-graph explorer";
    const all = [...new Set(orgs.flatMap((o) => o.days.map((d) => d.date)))].sort();
    const list = stops(all);
    const { date, notice } = dayAsked(asked, list[0], "The record");
    const content = el("div", { id: "content" });
    let shown = null;
    // A day's matrix is in the file of the last year with a file on or
    // before the day's year; the day is drawn once it is loaded.
    const show = (d, push) => {
      navigate(`#region/${d}`, push);
      document.title = `The region on ${d} · igo-graph explorer`;
      shown = d;
      const y = D.region_years.filter((x) => x <= yearOf(d)).pop();
      const keys = y === undefined ? [] : [`region/${y}`];
      if (keys.some((k) => !loaded.has(k))) loading(content);
      need(keys, (missing) => {
        if (shown !== d || !content.isConnected) return;
        main.removeAttribute("aria-busy");
        if (missing.length) return failed(content, missing);
        put(content, ...regionDay(d, y === undefined ? [] : regionByYear.get(y)));
      });
    };
    put(main, el("h1", { text: "Every organisation on one day" }),
      notice ? el("p", { class: "error", role: "alert", id: "notice", text: notice }) : null,
      dateControl(list, date, list[0], show), content);
    show(date, "replace");
  }

  function regionDay(date, matrices) {
    const here = orgs.map((o) => ({ o, day: dayOn(o, date) })).filter((x) => x.day && x.day.exists);
    const out = [el("p", { class: "shown", id: "shown", "data-date": date },
      el("strong", { text: `On ${date}` }), `: ${here.length} organisations`),
      downloadsMatrix(matrices, date), citeLine(`region/${date}`), regionMap(here, date)];
    out.push(el("div", { class: "cards" }, here.map(({ o, day }) => el("section", { class: "card", "data-org": o.id },
      el("h2", {}, el("a", { href: `#${o.id}/${date}`, text: o.short_name }), ` · ${day.family_size} states`),
      diagram(o, day, { links: false }), legend(o, day),
      el("p", { class: "meta", "data-chair": day.chair || "" }, `${capital(o.chair_title)}: ${day.chair ? stateName(day.chair) : "not known"}`,
        day.uncertain.length ? ` · uncertain: ${day.uncertain.map((u) => `${u.state} (${reason(u.reason)})`).join(", ")}` : null),
      day.caveat ? el("p", { class: "caveat", role: "note", text: `Caveat: ${day.caveat}.` }) : null,
      day.coverage ? el("p", { class: "caveat", role: "note", text: `Caveat: ${day.coverage}.` }) : null))));
    // The same facts as a table: each state's status in each organisation.
    const held = new Map();
    for (const { o, day } of here) {
      for (const s of o.statuses) for (const id of day.statuses[s.id] || []) {
        if (!held.has(id)) held.set(id, new Map());
        held.get(id).set(o.id, s);
      }
      for (const u of day.uncertain) {
        if (!held.has(u.state)) held.set(u.state, new Map());
        held.get(u.state).set(o.id, { id: "uncertain", label: "uncertain", color: UNCERTAIN });
      }
    }
    const ids = [...held.keys()].sort((a, b) => stateName(a).localeCompare(stateName(b)));
    out.push(el("h2", { text: "Who holds what" }),
      table(["State", ...here.map((x) => x.o.id)], ids.map((id) => el("tr", { "data-state": id },
        el("td", {}, stateLink(id)),
        here.map(({ o }) => {
          const s = held.get(id).get(o.id);
          const day = here.find((x) => x.o === o).day;
          return el("td", { "data-org": o.id, "data-status": s ? s.id : "none" },
            s ? [el("span", { class: "swatch", style: `background:${s.color}` }), s.label, day.chair === id ? ` (${o.chair_title})` : null] : "");
        }))), "holdings"));
    const m = matrices[lastOnOrBefore(matrices, date, (x) => x.date)];
    if (m) {
      const cell = (a, b) => m.cells.find((c) => c.a === a && c.b === b);
      out.push(el("h2", { text: "States shared by each pair" }),
        el("p", { class: "meta", text: "Each cell: the states holding a status in both (certain only); in brackets, those of the same tier in both (m member, o observer, p partner, a associate). The diagonal is each organisation's own family." }),
        table(["", ...m.organizations], m.organizations.map((a) => el("tr", {},
          el("th", { scope: "row", text: a }),
          m.organizations.map((b) => {
            const c = cell(a, b);
            const t = Object.entries(c.by_tier).filter(([, n]) => n > 0).map(([k, n]) => `${k[0]} ${n}`).join(", ");
            return el("td", { class: "num", "data-a": a, "data-b": b, title: `${a} and ${b}: ${c.shared} states` },
              String(c.shared), t ? ` (${t})` : "");
          }))), "matrix"));
    }
    return out;
  }

  function footer() {
    document.getElementById("footer").replaceChildren(
      el("p", {}, `${D.generator}: ${orgs.length} organisations, ${D.states.length} states, ${D.source_count} sources. `,
        "Days are counted by the date a status took effect. Every view has its own address: copy it to cite what you saw."));
  }

