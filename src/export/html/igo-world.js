  // ---- igo-world.js: the second half of igo.js ---------------------------
  // `igo export html` writes igo.js as the two files one after the other:
  // this half adds the world map, the search box, the downloads, the
  // citation line and the list of states, and starts the page.

  // ---- the world map -------------------------------------------------------
  const NO_STATUS = "#d9d9d9", NO_STATE = "#f4f4f4";

  // Each state's status in `org` on `day`: certain ones by status, then
  // the uncertain ones.
  function statusesOn(org, day) {
    const out = new Map();
    for (const s of org.statuses) for (const id of day.statuses[s.id] || []) out.set(id, s);
    for (const u of day.uncertain) {
      const may = u.possible.map((p) => statusOf(org, p).label).join(" or ");
      out.set(u.state, { id: "uncertain", label: `uncertain (${may}; ${reason(u.reason)})`, color: "url(#hatch)" });
    }
    return out;
  }

  // The world on the day, each state coloured by its status in the
  // organisation's own words, with its legend and the states the map cannot
  // draw (dissolved ones, and those too small for Natural Earth's 1:50m).
  function mapFigure(org, day, date) {
    const t0 = performance.now();
    const M = world.map;
    const status = statusesOn(org, day);
    const info = el("p", { class: "map-info", id: "map-info", "aria-live": "polite",
      text: "Point at a state, or reach it with the Tab key, to read its status." });
    const svg = sv("svg", { viewBox: `0 0 ${M.width} ${M.height}`, class: "map", id: "map", role: "group",
      "aria-label": `Map of the ${org.short_name} on ${date}; the tables have the same facts` },
    sv("defs", {}, sv("pattern", { id: "hatch", width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      sv("rect", { width: 8, height: 8, fill: "#fff" }), sv("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#444", "stroke-width": 4 }))));
    const drawn = new Set();
    const shapes = sv("g", { stroke: "#666", "stroke-width": 0.6 });
    for (const sh of M.shapes) {
      const id = sh.state;
      const s = id ? status.get(id) : null;
      const label = id ? `${stateName(id)}: ${s ? s.label : "no status"}${id && day.chair === id ? `, ${org.chair_title}` : ""}`
        : `${sh.name}: not a state of this data`;
      const attrs = {
        fill: s ? s.color : id ? NO_STATUS : NO_STATE, "data-state": id, "data-status": id ? (s ? s.id : "none") : null,
        "data-name": sh.name, tabindex: s ? 0 : -1, "aria-label": label, role: s ? "img" : null,
        stroke: id && day.chair === id ? "#cb181d" : null, "stroke-width": id && day.chair === id ? 3 : null,
      };
      const shape = sh.dot ? sv("circle", { cx: sh.dot[0], cy: sh.dot[1], r: 5, ...attrs }) : sv("path", { d: sh.d, ...attrs });
      shape.append(sv("title", { text: label }));
      const tell = () => { info.textContent = label; };
      shape.addEventListener("mouseenter", tell);
      shape.addEventListener("focus", tell);
      if (s) shape.addEventListener("keydown", (ev) => { if (ev.key === "Enter") location.hash = `#state/${id}`; });
      shapes.append(shape);
      if (id) drawn.add(id);
    }
    svg.append(shapes);
    const off = [...status.keys()].filter((id) => !drawn.has(id)).sort((a, b) => stateName(a).localeCompare(stateName(b)));
    const key = el("ul", { class: "legend", id: "map-legend" },
      org.statuses.map((s) => el("li", {}, el("span", { class: "swatch", style: `background:${s.color}` }), s.plural)),
      el("li", {}, el("span", { class: "swatch hatch" }), "uncertain"),
      el("li", {}, el("span", { class: "swatch", style: `background:${NO_STATUS}` }), "no status"),
      el("li", {}, el("span", { class: "swatch", style: `background:${NO_STATE}` }), "not a state of this data"));
    const fig = el("figure", { class: "map-figure" },
      el("div", { class: "map-box" }, svg), info, key,
      off.length ? el("p", { class: "meta", id: "not-drawn" }, "Not on the map (a state that no longer exists, or too small to draw): ",
        off.map((id, i) => [i ? "; " : "", el("span", { "data-state": id, "data-status": status.get(id).id }, stateLink(id), `: ${status.get(id).label}`)])) : null,
      el("figcaption", { text: `The ${org.short_name} on ${date}, on today's borders (Natural Earth, 1:50m): each state by its status in the ${org.short_name}'s words, the ${org.chair_title} outlined in red. Northern Cyprus and Somaliland are drawn with Cyprus and Somalia.` }));
    svg.setAttribute("data-ms", (performance.now() - t0).toFixed(1));
    return fig;
  }

  // The region's map: one organisation at a time, chosen from a list.
  function regionMap(here, date) {
    if (here.length === 0) return null;
    const pick = el("select", { id: "map-org", "aria-label": "The organisation drawn on the map" },
      here.map(({ o }) => el("option", { value: o.id, text: `${o.short_name}: ${o.name}` })));
    const box = el("div", {});
    const draw = () => {
      const { o, day } = here.find((x) => x.o.id === pick.value);
      put(box, mapFigure(o, day, date));
    };
    pick.addEventListener("change", draw);
    draw();
    return el("section", { class: "region-map" }, el("h2", { text: "On the map" }),
      el("label", { class: "map-pick" }, "Organisation ", pick), box);
  }

  // ---- search --------------------------------------------------------------
  // The words the CLI resolves (D.search, from the library), matched as it
  // matches them: the whole word, in any case. Failing that, every state
  // and organisation with a word or name containing the text.
  function find(q) {
    const t = q.trim().toLowerCase();
    if (!t) return [];
    const key = (x) => `${x.kind}/${x.id}`;
    const uniq = (list) => [...new Map(list.map((x) => [key(x), x])).values()];
    const exact = D.search.filter((x) => x.term.toLowerCase() === t);
    if (exact.length) return uniq(exact);
    const named = orgs.filter((o) => o.name.toLowerCase().includes(t)).map((o) => ({ kind: "organization", id: o.id }));
    return uniq(D.search.filter((x) => x.term.toLowerCase().includes(t)).concat(named));
  }
  const hitLink = (x) => x.kind === "state" ? `#state/${x.id}` : `#${x.id}`;
  const hitName = (x) => x.kind === "state" ? `${stateName(x.id)} (${x.id})` : `${orgById.get(x.id).name} (${x.id})`;

  function searchBox() {
    const names = D.states.map((s) => s.name).concat(orgs.map((o) => o.short_name)).sort();
    const input = el("input", { type: "search", id: "search", list: "search-names", autocomplete: "off",
      placeholder: "State or organisation", "aria-label": "Find a state or an organisation by name or code" });
    return el("form", { role: "search", class: "search", onsubmit: (ev) => {
      ev.preventDefault();
      const hits = find(input.value);
      location.hash = hits.length === 1 ? hitLink(hits[0]) : `#search/${encodeURIComponent(input.value.trim())}`;
      input.value = "";
    } }, input, el("datalist", { id: "search-names" }, names.map((n) => el("option", { value: n }))),
    el("button", { type: "submit", text: "Find" }));
  }

  function renderSearch(query) {
    nav(null);
    document.title = `“${query}” · igo-graph explorer`;
    const hits = find(query);
    put(main, el("h1", { text: `Search: “${query}”` }),
      hits.length ? el("ul", { id: "search-results" }, hits.map((x) =>
        el("li", { "data-kind": x.kind, "data-id": x.id }, el("a", { href: hitLink(x), text: hitName(x) }))))
        : el("p", { class: "error", role: "alert", id: "search-results", text: `Nothing is named “${query}”: try an English name, an ISO code (IND, in), a COW number or letters (750, IND), or an organisation's id (SCO).` }));
  }

  // ---- downloads and citation ----------------------------------------------
  function save(name, text) {
    const type = name.endsWith(".csv") ? "text/csv" : "application/json";
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Two buttons, CSV and JSON; `make(format, then)` builds the text.
  function downloadButtons(command, name, make) {
    const b = (fmt) => el("button", { type: "button", class: "download", "data-format": fmt, text: fmt.toUpperCase(),
      onclick: () => make(fmt, (text) => save(`${name}.${fmt}`, text)) });
    return el("p", { class: "downloads", id: "downloads" }, "Download this view's data, as ",
      el("code", { text: command }), " prints it: ", b("csv"), " ", b("json"));
  }

  // igo at: the text of the day of change, with the day asked in its place.
  function downloadsAt(org, day, date) {
    const i = org.days.indexOf(day);
    return downloadButtons(`igo at ${date} --org ${org.id} --format csv|json`, `igo-at-${org.id}-${date}`, (fmt, then) =>
      need([`at/${org.id}`], (missing) => {
        if (missing.length) return failed(main, missing);
        const text = world.at.get(org.id)[i][fmt];
        if (fmt === "json") return then(text.replace(`"date": "${day.date}"`, `"date": "${date}"`));
        const head = `${org.id},${day.date},`;
        then(text.split("\n").map((l) => l.startsWith(head) ? `${org.id},${date},${l.slice(head.length)}` : l).join("\n"));
      }));
  }

  function downloadsHistory(st) {
    return downloadButtons(`igo history ${st.id} --format csv|json`, `igo-history-${st.id}`, (fmt, then) =>
      need([`history/${st.id}`], (missing) => {
        if (missing.length) return failed(main, missing);
        then(world.history.get(st.id)[fmt]);
      }));
  }

  // igo overlap --matrix: the matrix is the library's own object, so its
  // JSON is the CLI's, key for key; the CSV has a row per ordered pair.
  function downloadsMatrix(matrices, date) {
    const m = matrices[lastOnOrBefore(matrices, date, (x) => x.date)];
    if (!m) return null;
    return downloadButtons(`igo overlap --matrix --at ${date} --format csv|json`, `igo-overlap-${date}`, (fmt, then) => {
      const here = { ...m, date };
      if (fmt === "json") return then(JSON.stringify(here, null, 2) + "\n");
      const tiers = ["member", "associate", "observer", "partner"];
      const rows = here.cells.map((c) => [date, here.basis, c.a, c.b, c.shared, ...tiers.map((t) => c.by_tier[t] || 0)].join(","));
      then(["date,basis,a,b,shared," + tiers.join(","), ...rows, ""].join("\n"));
    });
  }

  // "Cite this view": the project's CITATION.cff, the data's review day and
  // the view's own address.
  function citeLine(hash) {
    const C = D.citation;
    const here = `${location.href.split("#")[0]}#${hash}`;
    const text = `${C.authors}. ${C.title}. Version ${C.version}, data reviewed ${C.reviewed}. ${here}`;
    return el("p", { class: "cite", id: "cite" }, el("strong", { text: "Cite this view: " }), el("span", { text }));
  }

  // ---- the states ------------------------------------------------------------
  // Every state by name, filtered by region or by organisation.
  function renderStates() {
    nav("states");
    document.title = "States · igo-graph explorer";
    const byName = D.states.slice().sort((a, b) => a.name.localeCompare(b.name));
    const regions = [...new Set(D.states.map((s) => s.region))].sort();
    const region = el("select", { id: "filter-region" }, el("option", { value: "", text: "every region" }),
      regions.map((r) => el("option", { value: r, text: r })));
    const org = el("select", { id: "filter-org" }, el("option", { value: "", text: "every organisation" }),
      orgs.map((o) => el("option", { value: o.id, text: `${o.short_name} (ever held a status)` })));
    const count = el("p", { id: "states-count", role: "status" });
    const list = el("ul", { class: "states-index" });
    const draw = () => {
      const inOrg = org.value ? new Set(orgById.get(org.value).states) : null;
      const shown = byName.filter((s) => (!region.value || s.region === region.value) && (!inOrg || inOrg.has(s.id)));
      count.textContent = `${shown.length} of ${D.states.length} states`;
      put(list, shown.map((s) => el("li", { "data-state": s.id, "data-region": s.region },
        el("a", { href: `#state/${s.id}`, text: s.name }), ` (${s.id})`)));
    };
    region.addEventListener("change", draw);
    org.addEventListener("change", draw);
    put(main, el("h1", { text: "States" }),
      el("p", { text: `${D.states.length} states hold or have held a status in at least one of ${orgs.length} organisations. Regions are the Correlates of War's, by the hundreds of each state's COW number.` }),
      el("div", { class: "controls" }, el("label", {}, "Region ", region), el("label", {}, "Organisation ", org)),
      count, list);
    draw();
  }

  // The colours of a state's timeline: each status drawn, with the
  // organisations it is drawn for.
  function timelineKey(st, byOrg) {
    const seen = new Map();
    for (const sp of st.spans) {
      const o = orgById.get(sp.organization);
      if (!o || !byOrg.includes(o)) continue;
      const s = statusOf(o, sp.status);
      const k = `${s.label}|${s.color}`;
      if (!seen.has(k)) seen.set(k, { s, orgs: new Set() });
      seen.get(k).orgs.add(o.id);
    }
    return el("ul", { class: "legend", id: "timeline-key" },
      [...seen.values()].map(({ s, orgs: ids }) => el("li", { "data-status": s.id },
        el("span", { class: "swatch", style: `background:${s.color}` }), `${s.label} (${[...ids].join(", ")})`)),
      el("li", {}, el("span", { class: "swatch", style: "background:#eee;border-style:dashed" }), "pale and dashed: never certain (disputed, or missing data)"));
  }

  // Links and the back and forward buttons change the address's fragment;
  // the date controls' own moves do not come back here.
  window.addEventListener("hashchange", () => render(true));
  footer();
  render(false);
})();
