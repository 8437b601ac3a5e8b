/* strikemap's events layer: every located event, grouped on screen, drawn on a canvas.

   The page's Python hands strikemap.events() data only (dashboard/mapping.py). The points
   (a file of typed arrays) are fetched once per page by a worker (events-worker.js) and
   kept there; a later layer (the filters changed) sends the worker only the filters' mask
   and the date window. The worker groups the shown points into square cells of the
   screen for each view; this file draws a group as a pie of its target types on Leaflet's
   canvas renderer, a lone event as a dot, and, where few are in sight, as a pin with its
   icon. A popup's details are fetched when it opens. */
(function () {
  'use strict';
  var sm = window.strikemap = window.strikemap || {};
  /* A group gathers the events within a square of this many pixels. */
  var CELL = 64;
  /* Lone events are pins with icons when at most this many are in sight, dots beyond. */
  var PIN_LIMIT = 300;
  /* A group that cannot split by zooming spreads at most this many of its events. */
  var SPREAD_LIMIT = 100;
  /* While the timeline plays, the map steps its dates at most this often a second. */
  var PLAY_FPS = 10;
  /* The screen around the map that is grouped too, so a short pan shows no gap. */
  var MARGIN = 0.5;
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* The worker and the points of one points file, kept for the page's life. The page
     fetches the file while the worker's script loads, and hands the worker the bytes. */
  function Points(spec) {
    var self = this;
    this.calls = {};
    this.next = 1;
    var started = performance.now();
    var bytes = fetch(spec.points, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('the map\'s points: HTTP ' + r.status);
      // Gzipped (served as a file, not as an encoding): unpacked as it arrives.
      return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    });
    this.worker = new Worker(spec.worker);
    this.worker.onmessage = function (e) {
      var call = self.calls[e.data.id];
      delete self.calls[e.data.id];
      if (!call) return;
      if (e.data.error) call[1](new Error(e.data.error));
      else call[0](e.data);
    };
    this.worker.onerror = function (e) {
      var calls = self.calls;
      self.calls = {};
      Object.keys(calls).forEach(function (id) { calls[id][1](new Error(e.message)); });
    };
    this.loaded = bytes.then(function (buffer) {
      var fetched = performance.now() - started;
      return self.ask({op: 'load', buffer: buffer, count: spec.count, columns: spec.columns,
        caught: spec.caughtCode, types: spec.types.length}, [buffer]).then(function (loaded) {
        loaded.fetchMs = fetched;
        return loaded;
      });
    });
  }
  Points.prototype.ask = function (message, transfer) {
    var self = this;
    message.id = this.next++;
    return new Promise(function (resolve, reject) {
      self.calls[message.id] = [resolve, reject];
      self.worker.postMessage(message, transfer || []);
    });
  };

  function points(spec) {
    var kept = sm.points = sm.points || {};
    if (!kept[spec.points]) {
      // A new points file (the store changed): the old one's worker is not needed again.
      Object.keys(kept).forEach(function (url) { kept[url].worker.terminate(); delete kept[url]; });
      kept[spec.points] = new Points(spec);
    }
    return kept[spec.points];
  }

  function decode(text) {
    var raw = atob(text), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  /* -- drawing ---------------------------------------------------------------------------- */

  function radius(n) {
    return n < 10 ? 15 : n < 100 ? 18 : n < 1000 ? 21 : n < 10000 ? 24 : 27;
  }

  /* A group: a pie of its target types around its count, on the canvas. */
  var Group = L.CircleMarker.extend({
    _updatePath: function () {
      var r = this._renderer;
      if (!r._drawing || this._empty()) return;
      var ctx = r._ctx, p = this._point, size = this._radius, info = this.sm, at = -Math.PI / 2;
      ctx.save();
      if (info.caught) ctx.globalAlpha = 0.75;
      ctx.shadowColor = 'rgba(0,0,0,0.4)';
      ctx.shadowBlur = 4;
      ctx.shadowOffsetY = 1;
      ctx.beginPath();
      ctx.arc(p.x, p.y, size, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.shadowColor = 'transparent';
      info.slices.forEach(function (slice) {
        var end = at + 2 * Math.PI * slice[1] / info.n;
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        ctx.arc(p.x, p.y, size, at, end);
        ctx.closePath();
        ctx.fillStyle = slice[0];
        ctx.fill();
        at = end;
      });
      if (info.caught) {
        ctx.setLineDash([3, 3]);
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#5d6d7e';
        ctx.beginPath();
        ctx.arc(p.x, p.y, size - 1, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.beginPath();
      ctx.arc(p.x, p.y, size * 0.62, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.fillStyle = '#222';
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(info.label, p.x, p.y + 0.5);
      ctx.restore();
    }
  });

  function renderer(map) {
    if (!map.smCanvas) {
      var pane = map.getPane('smEvents') || map.createPane('smEvents');
      // Over the front line and bands, under the pins and popups.
      pane.style.zIndex = 450;
      map.smCanvas = L.canvas({pane: 'smEvents', padding: MARGIN});
    }
    return map.smCanvas;
  }

  /* The store row of the event whose popup is open, or null. */
  function openRef(map) {
    return map && map.smPopupRef !== undefined ? map.smPopupRef : null;
  }

  /* -- the layer -------------------------------------------------------------------------- */

  var EventsLayer = L.Layer.extend({initialize: function (spec, focus) {
    this.spec = spec;
    this.focusRef = focus;
    this.smCount = null;
    this.smReady = false;
    this.smTimes = {};
    this.smFrames = 0;
    this.caught = true;
    this.window = spec.window;
    this.generation = 0;
    this.drawn = [];
    this.icons = spec.types.map(function (t) { return icon(t, false); });
    this.caughtIcons = spec.types.map(function (t) { return icon(t, true); });
    this.shown = null;
  }});

  function icon(style, caught) {
    // An interception is a hollow pin in its type's colour: never mistaken for a hit.
    var pin = el('div', null, 'sm-pin' + (caught ? ' sm-caught' : ''));
    if (caught) { pin.style.color = style[0]; pin.style.borderColor = style[0]; }
    else pin.style.background = style[0];
    pin.appendChild(el('i', null, 'fa-solid fa-' + style[1]));
    return L.divIcon({className: 'sm-marker', iconSize: [24, 24], iconAnchor: [12, 24],
      popupAnchor: [0, -22], html: pin.outerHTML});
  }

  EventsLayer.prototype.onAdd = function (map) {
    var self = this;
    this._map = map;
    this.items = L.layerGroup().addTo(map);
    this.points = points(this.spec);
    sm.watchReader(map);
    this.moved = function () { self.regroup(); };
    this.unspread = function () { self.spread(null); };
    map.on('moveend smfitdone', this.moved);
    map.on('zoomstart click', this.unspread);
    this.started = performance.now();
    this.smStartedAt = performance.timeOrigin + this.started;
    this.points.loaded.then(function (loaded) {
      self.smTimes.fetch = loaded.fetchMs;
      self.smTimes.parse = loaded.parseMs;
      self.smTimes.bytes = loaded.bytes;
      return self.select();
    }).catch(function (error) { self.failed(error); });
  };

  EventsLayer.prototype.onRemove = function (map) {
    clearInterval(this.playing);
    map.off('moveend smfitdone', this.moved);
    map.off('zoomstart click', this.unspread);
    this.spread(null);
    map.removeLayer(this.items);
    this.generation++;
    this._map = null;
  };

  EventsLayer.prototype.failed = function (error) {
    if (!this._map) return;
    var box = el('div', 'The events could not be drawn: reload the page. (' + error.message + ')',
      'sm-wait');
    L.popup({closeButton: false}).setLatLng(this._map.getCenter()).setContent(box)
      .openOn(this._map);
  };

  /* Which events the filters keep; the first view frames them. */
  EventsLayer.prototype.select = function () {
    var self = this, spec = this.spec, generation = ++this.generation;
    var mask = spec.mask === null ? null : [spec.mask[0], decode(spec.mask[1])];
    var message = {op: 'select', mask: mask, window: this.window, caught: this.caught,
      focus: this.focusRef, open: openRef(this._map)};
    return this.points.ask(message, mask ? [mask[1].buffer] : []).then(function (found) {
      if (generation !== self.generation || !self._map) return;
      self.smTimes.select = found.ms;
      self.found(found);
    });
  };

  EventsLayer.prototype.found = function (found) {
    var map = this._map;
    this.smCount = found.count;
    this.shown = found;
    this.focused = found.focus;
    // A popup whose event the filters now leave out closes.
    if (found.open === false) map.closePopup();
    if (this.focused) {
      sm.focus(map, L.latLng(this.focused[1], this.focused[2]));
    } else if (found.bounds) {
      sm.frame(map, found.bounds);
    }
    this.regroup();
    if (this.focused) this.open(this.focused);
    this.play();
  };

  /* Group the shown events for the current view and draw them. */
  EventsLayer.prototype.regroup = function () {
    var self = this, map = this._map;
    // While the first view is being fitted, what would be grouped is not what is seen.
    if (!map || this.shown === null || map.smFitPending) return;
    if (this.asking) { this.again = true; return; }
    var zoom = map.getZoom(), size = map.getSize(), origin = map.getPixelBounds().min;
    var pad = size.multiplyBy(MARGIN);
    var box = [origin.x - pad.x, origin.y - pad.y, origin.x + size.x + pad.x,
      origin.y + size.y + pad.y];
    var generation = this.generation, asked = performance.now();
    this.asking = true;
    this.points.ask({op: 'bins', zoom: zoom, box: box, cell: CELL,
      exclude: this.focused ? this.focused[0] : null}).then(function (answer) {
      var again = self.again;
      self.asking = false;
      self.again = false;
      // Asked again meanwhile (the view or the events shown changed): this answer is old.
      if (again) self.regroup();
      if (again || generation !== self.generation || !self._map) return;
      self.smTimes.group = answer.ms;
      self.smTimes.groupWait = performance.now() - asked;
      self.draw(answer.groups, zoom);
    }).catch(function (error) { self.asking = false; self.failed(error); });
  };

  EventsLayer.prototype.draw = function (groups, zoom) {
    var self = this, map = this._map, spec = this.spec, started = performance.now();
    var canvas = renderer(map), view = map.getPixelBounds();
    this.items.clearLayers();
    this.drawn = [];
    var lone = groups.filter(function (g) {
      return g.one && view.contains([g.x, g.y]);
    }).length;
    var pins = lone <= PIN_LIMIT;
    groups.forEach(function (g) {
      var at = map.unproject([g.x, g.y], zoom), item;
      if (g.one) {
        item = pins ? self.pin(g.one) : self.dot(g.one, canvas);
        self.drawn.push({n: 1, item: item, pin: pins});
        return;
      }
      var slices = [];
      g.types.forEach(function (count, t) { if (count) slices.push([spec.types[t][0], count]); });
      slices.sort(function (a, b) { return b[1] - a[1]; });
      item = new Group(at, {renderer: canvas, radius: radius(g.n), stroke: false, fill: true,
        bubblingMouseEvents: false});
      item.sm = {n: g.n, caught: g.caught, slices: slices, label: g.n.toLocaleString('en-GB')};
      item.on('click', function () { self.zoomTo(g, zoom); });
      self.items.addLayer(item);
      self.drawn.push({n: g.n, item: item, pin: false});
    });
    if (this.focused) {
      this.drawn.push({n: 1, item: this.pin(this.focused, true), pin: true});
    }
    this.smTimes.draw = performance.now() - started;
    requestAnimationFrame(function () {
      self.smTimes.paint = performance.now() - started;
      self.smTimes.total = performance.now() - self.started;
      self.smFrames++;
      self.smReady = true;
    });
  };

  EventsLayer.prototype.pin = function (p, focused) {
    var self = this, caught = p[4] === this.spec.caughtCode;
    var marker = L.marker([p[1], p[2]], {icon: (caught ? this.caughtIcons : this.icons)[p[3]],
      keyboard: false, zIndexOffset: focused ? 1000 : 0, bubblingMouseEvents: false});
    marker.on('click', function () { self.open(p); });
    this.items.addLayer(marker);
    return marker;
  };

  EventsLayer.prototype.dot = function (p, canvas) {
    var self = this, colour = this.spec.types[p[3]][0], caught = p[4] === this.spec.caughtCode;
    var dot = L.circleMarker([p[1], p[2]], {renderer: canvas, radius: 5, weight: 1.5,
      color: caught ? colour : '#fff', dashArray: caught ? '2 2' : null,
      fillColor: caught ? '#fff' : colour, fillOpacity: 1, bubblingMouseEvents: false});
    dot.on('click', function () { self.open(p, null, true); });
    this.items.addLayer(dot);
    return dot;
  };

  /* A group's click: zoom to its events, or spread them where zooming cannot part them. */
  EventsLayer.prototype.zoomTo = function (g, zoom) {
    var map = this._map, max = map.getMaxZoom();
    var apart = Math.max(g.box[2] - g.box[0], g.box[3] - g.box[1]) * Math.pow(2, max - zoom);
    if (zoom >= max || apart < CELL) {
      this.spread(g, zoom);
      return;
    }
    var bounds = L.latLngBounds(map.unproject([g.box[0], g.box[1]], zoom),
      map.unproject([g.box[2], g.box[3]], zoom));
    var target = Math.min(Math.max(map.getBoundsZoom(bounds, false, L.point(80, 80)), zoom + 1),
      max);
    map.setView(bounds.getCenter(), target, {animate: false});
  };

  /* Spread a group's events on a spiral around it, with a leg to the spot; null folds. */
  EventsLayer.prototype.spread = function (g, zoom) {
    var self = this, map = this._map;
    if (this.spreadOut) {
      this.spreadOut.remove();
      this.spreadOut = null;
    }
    if (!g || !map) return;
    var generation = this.generation;
    this.points.ask({op: 'members', zoom: zoom, cell: CELL, at: g.cell, caught: g.caught,
      limit: SPREAD_LIMIT, exclude: this.focused ? this.focused[0] : null})
      .then(function (answer) {
        if (generation !== self.generation || !self._map) return;
        var centre = L.point(g.x, g.y);
        var out = L.layerGroup().addTo(map), canvas = renderer(map);
        answer.members.forEach(function (p, i) {
          var angle = i * 0.9, distance = 30 + 7 * i;
          var at = map.unproject(centre.add([Math.cos(angle) * distance,
            Math.sin(angle) * distance]), zoom);
          L.polyline([map.unproject(centre, zoom), at], {renderer: canvas, color: '#444',
            weight: 1.2, opacity: 0.7, interactive: false}).addTo(out);
          var caught = p[4] === self.spec.caughtCode;
          var marker = L.marker(at, {icon: (caught ? self.caughtIcons : self.icons)[p[3]],
            keyboard: false, bubblingMouseEvents: false});
          marker.on('click', function () { self.open(p, at); });
          marker.addTo(out);
        });
        if (answer.total > answer.members.length) {
          L.tooltip({permanent: true, direction: 'top', className: 'sm-more'})
            .setLatLng(map.unproject(centre, zoom))
            .setContent(answer.members.length + ' of ' + answer.total.toLocaleString('en-GB') +
              ' events at this spot: narrow the filters to see the others.')
            .addTo(out);
        }
        self.spreadOut = out;
      }).catch(function (error) { self.failed(error); });
  };

  /* -- the date window (the timeline's playback) ------------------------------------------ */

  /* Show the events of another date window ([first day, last day] since 1970, or null). */
  EventsLayer.prototype.setWindow = function (window) {
    var self = this, generation = ++this.generation;
    this.window = window;
    if (!this._map) return Promise.resolve();
    return this.points.ask({op: 'window', window: window, open: openRef(this._map)})
      .then(function (found) {
      if (generation !== self.generation || !self._map) return;
      self.smCount = found.count;
      self.shown = found;
      if (found.open === false) self._map.closePopup();
      self.regroup();
    });
  };

  /* While the timeline plays, the page moves the dates on by a step each second (a new
     layer); in between, the map moves them on itself, a frame at a time (at most a day a
     frame), so the strikes come and go smoothly and the next layer takes over from it. */
  EventsLayer.prototype.play = function () {
    var self = this, play = this.spec.play, window = this.window;
    if (!play || !window || this.playing) return;
    var step = play[0], last = play[1], frames = Math.min(step, PLAY_FPS), k = 0;
    if (frames < 2) return;
    this.playing = setInterval(function () {
      var shift = Math.round(++k * step / frames);
      if (k >= frames || !self._map || window[1] + shift > last) {
        clearInterval(self.playing);
        return;
      }
      self.setWindow([window[0] + shift, window[1] + shift]);
    }, 1000 / frames);
  };

  /* Show or leave out the interceptions (the layer control's switch). */
  EventsLayer.prototype.setCaught = function (shown) {
    if (this.caught === shown) return;
    this.caught = shown;
    if (this._map && this.shown !== null) {
      var self = this;
      this.select().catch(function (error) { self.failed(error); });
    }
  };

  /* -- what tests and the benchmark read --------------------------------------------------- */

  /* Every drawn group and event in sight: its count and its box in the frame's pixels. */
  EventsLayer.prototype.smDrawn = function () {
    var map = this._map, frame = map.getContainer().getBoundingClientRect(), size = map.getSize();
    var out = [];
    this.drawn.forEach(function (d) {
      var box;
      if (d.item._icon) {
        var r = d.item._icon.getBoundingClientRect();
        box = [r.left, r.top, r.right, r.bottom];
      } else {
        var p = map.latLngToContainerPoint(d.item.getLatLng()), radius = d.item.getRadius();
        box = [frame.left + p.x - radius, frame.top + p.y - radius, frame.left + p.x + radius,
          frame.top + p.y + radius];
      }
      var x = (box[0] + box[2]) / 2 - frame.left, y = (box[1] + box[3]) / 2 - frame.top;
      if (x < 0 || y < 0 || x > size.x || y > size.y) return;
      out.push({n: d.n, box: box, pin: d.pin});
    });
    return out;
  };

  /* -- popups -------------------------------------------------------------------------------- */

  function T(table, k) { return k < 0 ? null : table[k]; }
  function when(d, p) {
    var y = d.slice(0, 4), m = MONTHS[parseInt(d.slice(5, 7), 10) - 1];
    var dd = parseInt(d.slice(8), 10);
    if (p === 'year') return y + ' (year only)';
    if (p === 'month') return m + ' ' + y + ' (month only)';
    return dd + ' ' + m + ' ' + y;
  }
  function km(v) {
    return v === null ? 'not measured' :
      v.toLocaleString('en-GB', {maximumFractionDigits: 1}) + ' km';
  }
  function safeUrl(u) {
    return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }

  /* Calls done(table, row) with an event's details, fetching its file the first time. */
  EventsLayer.prototype.details = function (ref, done, failed, tries) {
    var self = this, chunk = this.spec.details[1];
    var k = Math.floor(ref / chunk), at = ref - k * chunk;
    var kept = sm.details = sm.details || {}, key = this.spec.details[0] + '/' + k;
    if (kept[key]) { done(kept[key], at); return; }
    fetch(this.spec.details[0] + '/' + k + '.json', {credentials: 'same-origin'})
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (d) {
        kept[key] = {strings: d[0], cols: d.slice(1)};
        done(kept[key], at);
      }, function (error) {
        // The app writes the files after drawing the map: a popup opened at once waits.
        tries = (tries || 0) + 1;
        if (tries < 10) setTimeout(function () { self.details(ref, done, failed, tries); }, 1000);
        else failed(error);
      });
  };

  /* Open an event's popup: over its pin (or at a spread pin's place), or on its dot. */
  EventsLayer.prototype.open = function (p, at, onDot) {
    var self = this, map = this._map;
    if (!map) return;
    var shown = L.popup({maxWidth: 360, maxHeight: 320, className: 'sm-popup-wrap',
      offset: onDot ? [0, 2] : [0, -18]})
      .setLatLng(at || [p[1], p[2]]).setContent(el('div', 'Loading\u2026', 'sm-wait'))
      .openOn(map);
    map.smPopupRef = p[5];
    shown.on('remove', function () { if (map.smPopupRef === p[5]) map.smPopupRef = null; });
    this.details(p[5], function (t, j) { shown.setContent(self.popup(t, j)); }, function () {
      shown.setContent(el('div', 'The details could not be loaded: reload the page.',
        'sm-wait'));
    });
  };

  function claimBox(t, c, references) {
    // c: [text, low_km, high_km, reference, place, measured_km, off]
    var box = el('div', null, 'sm-claim' + (c[6] ? ' sm-off' : ''));
    box.appendChild(el('div', '\u201c' + T(t.strings, c[0]) + '\u201d', 'sm-claim-text'));
    var from = references[c[3]] || T(t.strings, c[4]) || 'a named place';
    var range = c[1] === c[2] ? km(c[1]) : c[1].toLocaleString('en-GB',
      {maximumFractionDigits: 0}) + '\u2013' + km(Math.round(c[2]));
    box.appendChild(el('div', 'Claimed ' + range + ' from ' + from + '; measured ' +
      km(c[5]) + '.', 'sm-note'));
    if (c[6]) box.appendChild(el('div', '\u26a0 Off by more than 25 %', 'sm-flag'));
    return box;
  }

  EventsLayer.prototype.popup = function (t, j) {
    var spec = this.spec, D = spec.detailColumns;
    function V(name) { return t.cols[D.indexOf(name)][j]; }
    function S(name) { return T(t.strings, V(name)); }
    var box = el('div', null, 'sm-popup');
    var where = [S('place') || 'Place not named', S('admin1'), S('country')]
      .filter(function (x) { return x; }).join(', ');
    box.appendChild(el('h4', where + (V('occupied') ? ' (occupied)' : '')));
    var editUrl = spec.details[2];
    if (editUrl !== null && S('id') !== null) {
      // The map lives in a sandboxed frame that may not navigate the page: a new tab.
      var edit = el('a', 'Edit', 'sm-edit');
      edit.href = editUrl + encodeURIComponent(S('id'));
      edit.target = '_blank';
      edit.rel = 'noopener';
      box.appendChild(edit);
    }
    var dl = el('dl');
    // A value nobody reported shows as a dash; a claim nobody made is left out.
    function row(k, v, optional) {
      var none = v === null || v === undefined || v === '';
      if (none && optional) return;
      dl.appendChild(el('dt', k));
      dl.appendChild(el('dd', none ? spec.missing : v));
    }
    row('Date', when(S('date'), spec.precisions[V('precision')]));
    var ty = spec.types[V('type')];
    row('Target', ty[2] + (S('target') ? ': ' + S('target') : ''));
    row('Weapon', spec.weapons[V('weapon')]);
    row('Outcome', spec.outcomes[V('outcome')]);
    row('Side', V('side') < 0 ? null : spec.sides[V('side')]);
    var fid = S('frontline_id');
    row('From the front line', km(V('front_km')) + (fid ? ' (front line of ' + fid + ')' : ''));
    var border = V('border_km');
    row("From Ukraine's border", border === 0 ? '0 km (inside Ukraine)' : km(border));
    row('From Ukrainian-held territory', km(V('held_km')));
    row('Attacker says', S('attacker_claim'), true);
    row('Defender says', S('defender_claim'), true);
    row('Located to',
      ['', 'the facility', 'the town', 'the region', 'nowhere'][V('geo_precision')]);
    box.appendChild(dl);
    if (V('outcome') === spec.caughtCode) {
      box.appendChild(el('div', 'Drones or missiles shot down: not counted as a strike.',
        'sm-caught-note'));
    }
    var claims = V('claims');
    if (claims.length) {
      var off = claims.filter(function (c) { return c[6]; }).length;
      box.appendChild(el('b', (claims.length === 1 ? '1 distance claim' :
        claims.length + ' distance claims') + (off ? ', ' + off + ' off' : '')));
      claims.forEach(function (c) { box.appendChild(claimBox(t, c, spec.references)); });
    }
    var sources = V('sources');
    box.appendChild(el('b', sources.length === 1 ? '1 source' : sources.length + ' sources'));
    sources.forEach(function (s) {
      var outlet = T(t.strings, s[0]), published = T(t.strings, s[1]),
        link = T(t.strings, s[2]), title = T(t.strings, s[3]);
      var div = el('div', null, 'sm-src');
      var head = el('div');
      head.appendChild(el('strong', outlet || 'Unknown outlet'));
      if (published) head.appendChild(document.createTextNode(', ' + published));
      div.appendChild(head);
      var url = safeUrl(link);
      if (url) {
        var a = el('a', title || url);
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        div.appendChild(a);
      } else if (link) {
        div.appendChild(el('div', 'Link (not opened): ' + link, 'sm-note'));
      }
      s[4].forEach(function (q) { div.appendChild(el('blockquote', T(t.strings, q))); });
      box.appendChild(div);
    });
    return box;
  };

  /* -- the switch for interceptions in the layer control --------------------------------------- */

  var CaughtSwitch = L.Layer.extend({
    initialize: function (events) { this.events = events; },
    onAdd: function () { this.events.setCaught(true); },
    onRemove: function () { this.events.setCaught(false); }
  });

  /* The events layer, added to parent (a feature group the page swaps on each change of
     the filters); focus: the store row of an event to centre on and open, or null. */
  sm.events = function (parent, spec, focus) {
    var layer = new EventsLayer(spec, focus);
    var map = parent._map;
    layer.caught = !(map && map.smHidden && map.smHidden[spec.caughtLabel]);
    parent.addLayer(layer);
    var toggle = new CaughtSwitch(layer);
    if (map) sm.switchable(map, parent, toggle, spec.caughtLabel);
    return layer;
  };
})();
