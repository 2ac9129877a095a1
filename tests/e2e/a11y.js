// WCAG AA contrast of what the page shows, measured in the browser (issue 11, item 8).
// Text: every visible text node's computed colour against its effective background (the first
// opaque ancestor background, translucent layers composed over it), 4.5:1, or 3:1 for large text.
// Graphics: every plotly mark (bars, lines, markers, map markers) against its plot background, 3:1.
() => {
  const parse = (s) => {
    if (!s || s === "none") return null;
    let m = s.match(/^rgba?\(([^)]+)\)/);
    if (m) {
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = s.match(/^color\(srgb ([^)]+)\)/);
    if (m) {
      const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    if (s.startsWith("#")) {
      const h = s.length === 4 ? s.slice(1).split("").map((c) => c + c).join("") : s.slice(1);
      return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat([1]);
    }
    return null;
  };
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const over = (top, alpha, bottom) => [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)).concat([1]);
  // An ancestor's background counts only where it lies under the text (a slider's value label sits
  // outside its coloured thumb, a tooltip outside its anchor).
  const under = (e, box) => {
    if (!box) return true;
    const r = e.getBoundingClientRect(), x = box.left + box.width / 2, y = box.top + box.height / 2;
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  };
  const background = (el, box) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0 && under(e, box)) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], layers[i][3], bg);
    return bg;
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity || "1");
    return o;
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const text = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const words = node.textContent.trim();
    if (!el || !words || el.closest("script,style,noscript,[disabled],[aria-disabled='true']")) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    if (!fg) continue;
    const alpha = fg[3] * opacity(el) * (svg ? parseFloat(style.fillOpacity || "1") : 1);
    const bg = background(svg ? el.closest("div") : el, box);
    const shown = over(fg, alpha, bg);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    // A Material icon is a graphic (3:1) when its font draws it; its ligature name is text otherwise.
    const icon = el.closest("[data-testid='stIconMaterial']");
    const need = icon || size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    text.push({ text: words.slice(0, 50), ratio: ratio(shown, bg), need, fg: hex(shown), bg: hex(bg) });
  }
  const graphics = [];
  for (const plot of document.querySelectorAll(".js-plotly-plot")) {
    const plotBg = plot.querySelector(".bglayer rect.bg");
    const land = plot.querySelector(".geo path.land, .geo .land path, .geo .landlayer path");
    let base = background(plot);
    const fill = (el) => parse(el.getAttribute("fill") || el.style.fill);
    const marks = plot.querySelectorAll(
      ".barlayer .point path, .scatterlayer path.point, .scatterlayer path.js-line, .geolayer path.point, "
      + ".geolayer path.js-line, .scattergeolayer path.point, .scattergeolayer path.js-line, .geo .trace path");
    for (const mark of marks) {
      if (!mark.checkVisibility()) continue;
      const style = getComputedStyle(mark);
      const line = mark.classList.contains("js-line");
      const colour = parse(line ? style.stroke : style.fill);
      if (!colour || colour[3] === 0) continue;
      const own = parseFloat(line ? style.strokeOpacity : style.fillOpacity) || 1;
      const inGeo = !!mark.closest(".geo, .geolayer");
      let bg = base;
      if (inGeo && land) { const c = parse(getComputedStyle(land).fill); if (c) bg = over(c, c[3], base); }
      else if (plotBg) { const c = parse(getComputedStyle(plotBg).fill); if (c && c[3] > 0) bg = over(c, c[3], base); }
      const shown = over(colour, colour[3] * own * opacity(mark), bg);
      const key = plot.closest("[class*='st-key-']");
      const chart = key ? [...key.classList].find((c) => c.startsWith("st-key-")).slice(7) : "chart";
      graphics.push({ chart, ratio: ratio(shown, bg), fg: hex(shown), bg: hex(bg) });
    }
  }
  return { text, graphics };
}
