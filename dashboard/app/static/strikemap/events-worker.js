/* strikemap's events worker: holds every located event of the store and answers, off the
   page's thread, which of them the filters keep and how they group on screen.

   The page (events.js) asks by message; each answer carries the asking message's id.
   - load: take the points file's bytes (fetched once by the page; its columns are typed
     arrays, one after another) and project every point to Web Mercator.
   - select: which points are shown: the server's mask of the filters other than dates,
     the date window, and whether interceptions are shown. Answers the count and bounds.
   - window: the same with a new date window only (the timeline's playback).
   - bins: the shown points in a part of the world at a zoom, grouped by square cells of
     the screen: per cell and kind (strike or interception) the count, the mean position,
     the points' extent and the count of each target type; a cell of one point names it.
   - members: the shown points of one cell (to spread a cluster that cannot split).
   Positions go back as world pixels at the asked zoom. */
'use strict';

var ARRAYS = {f4: Float32Array, u4: Uint32Array, i4: Int32Array, u2: Uint16Array, u1: Uint8Array};
var P = null;
var base = null;
var shown = null;
var caughtCode = -1;
var typeCount = 0;

function projectAll(lat, lon, n) {
  var x = new Float64Array(n), y = new Float64Array(n);
  for (var i = 0; i < n; i++) {
    x[i] = (lon[i] + 180) / 360;
    var s = Math.sin(lat[i] * Math.PI / 180);
    y[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }
  return {x: x, y: y};
}

var ops = {};

ops.load = function (m) {
  var started = performance.now(), buffer = m.buffer, at = 0, n = m.count, cols = {};
  m.columns.forEach(function (c) {
    var T = ARRAYS[c[1]];
    cols[c[0]] = new T(buffer, at, n);
    at += n * T.BYTES_PER_ELEMENT;
  });
  if (at !== buffer.byteLength) {
    throw new Error('the map\'s points: ' + buffer.byteLength + ' bytes, not ' + at);
  }
  var xy = projectAll(cols.lat, cols.lon, n);
  cols.x = xy.x;
  cols.y = xy.y;
  cols.n = n;
  P = cols;
  caughtCode = m.caught;
  typeCount = m.types;
  return {n: n, bytes: at, parseMs: performance.now() - started};
};

function bitsOf(mask, n) {
  var out = new Uint8Array(n), i;
  if (mask === null) {
    out.fill(1);
  } else if (mask[0] === 'bits') {
    var bits = mask[1];
    for (i = 0; i < n; i++) out[i] = (bits[i >> 3] >> (i & 7)) & 1;
  } else {
    var rows = new Uint32Array(mask[1].buffer, mask[1].byteOffset, mask[1].byteLength >> 2);
    for (i = 0; i < rows.length; i++) out[rows[i]] = 1;
  }
  return out;
}

/* The shown points: the base selection within the date window. An event dated to a
   month or a year shows when its period overlaps the window. */
function applyWindow(window) {
  var n = P.n, day = P.day, span = P.span, i;
  shown = new Uint8Array(base);
  if (window !== null) {
    var from = window[0], to = window[1];
    for (i = 0; i < n; i++) {
      if (shown[i] && (day[i] + span[i] < from || day[i] > to)) shown[i] = 0;
    }
  }
  var count = 0, s = 90, w = 180, north = -90, e = -180, lat = P.lat, lon = P.lon;
  for (i = 0; i < n; i++) {
    if (!shown[i]) continue;
    count++;
    if (lat[i] < s) s = lat[i];
    if (lat[i] > north) north = lat[i];
    if (lon[i] < w) w = lon[i];
    if (lon[i] > e) e = lon[i];
  }
  return {count: count, bounds: count ? [[s, w], [north, e]] : null};
}

/* Whether the event of a store row (an open popup's) is still shown; null for none. */
function stillShown(ref) {
  if (ref === null) return null;
  for (var i = 0; i < P.n; i++) if (P.ref[i] === ref) return shown[i] === 1;
  return false;
}

function point(i) {
  return [i, P.lat[i], P.lon[i], P.type[i], P.outcome[i], P.ref[i]];
}

ops.select = function (m) {
  var started = performance.now(), n = P.n, outcome = P.outcome;
  base = bitsOf(m.mask, n);
  if (!m.caught) {
    for (var i = 0; i < n; i++) if (outcome[i] === caughtCode) base[i] = 0;
  }
  var found = applyWindow(m.window);
  found.open = stillShown(m.open);
  found.focus = null;
  if (m.focus !== null) {
    for (var j = 0; j < n; j++) {
      if (P.ref[j] === m.focus) { found.focus = point(j); break; }
    }
  }
  found.ms = performance.now() - started;
  return found;
};

ops.window = function (m) {
  var started = performance.now(), found = applyWindow(m.window);
  found.open = stillShown(m.open);
  found.ms = performance.now() - started;
  return found;
};

ops.bins = function (m) {
  var started = performance.now(), n = P.n, scale = 256 * Math.pow(2, m.zoom), cell = m.cell;
  var c0 = Math.floor(m.box[0] / cell), r0 = Math.floor(m.box[1] / cell);
  var cols = Math.floor(m.box[2] / cell) - c0 + 1, rows = Math.floor(m.box[3] / cell) - r0 + 1;
  var slots = cols * rows * 2;
  var count = new Uint32Array(slots), last = new Int32Array(slots);
  var sx = new Float64Array(slots), sy = new Float64Array(slots);
  var lo = new Float64Array(slots * 2).fill(Infinity), hi = new Float64Array(slots * 2).fill(-Infinity);
  var hist = new Uint32Array(slots * typeCount);
  var X = P.x, Y = P.y, type = P.type, outcome = P.outcome, x0 = m.box[0], y0 = m.box[1];
  var x1 = m.box[2], y1 = m.box[3], skip = m.exclude === null ? -1 : m.exclude;
  for (var i = 0; i < n; i++) {
    if (!shown[i] || i === skip) continue;
    var px = X[i] * scale;
    if (px < x0 || px >= x1) continue;
    var py = Y[i] * scale;
    if (py < y0 || py >= y1) continue;
    var slot = (((Math.floor(py / cell) - r0) * cols + Math.floor(px / cell) - c0) << 1) |
      (outcome[i] === caughtCode ? 1 : 0);
    count[slot]++;
    sx[slot] += px;
    sy[slot] += py;
    if (px < lo[slot * 2]) lo[slot * 2] = px;
    if (py < lo[slot * 2 + 1]) lo[slot * 2 + 1] = py;
    if (px > hi[slot * 2]) hi[slot * 2] = px;
    if (py > hi[slot * 2 + 1]) hi[slot * 2 + 1] = py;
    hist[slot * typeCount + type[i]]++;
    last[slot] = i;
  }
  var groups = [];
  for (var k = 0; k < slots; k++) {
    var c = count[k];
    if (!c) continue;
    var cellIndex = k >> 1;
    var group = {
      n: c, x: sx[k] / c, y: sy[k] / c, caught: (k & 1) === 1,
      box: [lo[k * 2], lo[k * 2 + 1], hi[k * 2], hi[k * 2 + 1]],
      cell: [c0 + cellIndex % cols, r0 + Math.floor(cellIndex / cols)]
    };
    if (c === 1) group.one = point(last[k]);
    else group.types = Array.prototype.slice.call(hist, k * typeCount, (k + 1) * typeCount);
    groups.push(group);
  }
  return {groups: groups, ms: performance.now() - started};
};

ops.members = function (m) {
  var n = P.n, scale = 256 * Math.pow(2, m.zoom), cell = m.cell, found = [], total = 0;
  for (var i = 0; i < n; i++) {
    if (!shown[i] || i === m.exclude) continue;
    if ((P.outcome[i] === caughtCode) !== m.caught) continue;
    if (Math.floor(P.x[i] * scale / cell) !== m.at[0]) continue;
    if (Math.floor(P.y[i] * scale / cell) !== m.at[1]) continue;
    total++;
    if (found.length < m.limit) found.push(point(i));
  }
  return {members: found, total: total};
};

self.onmessage = function (event) {
  var m = event.data;
  Promise.resolve().then(function () {
    if (m.op !== 'load' && P === null) throw new Error('the map\'s points are not loaded');
    return ops[m.op](m);
  }).then(function (answer) {
    answer.id = m.id;
    self.postMessage(answer);
  }, function (error) {
    self.postMessage({id: m.id, error: String(error && error.message || error)});
  });
};
