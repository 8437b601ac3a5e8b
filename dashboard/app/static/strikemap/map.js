/* strikemap's map helpers: the key, the view, and the event a table row asks for.
   The page's Python hands these functions data only; see dashboard/mapping.py. */
(function () {
  'use strict';
  var sm = window.strikemap = window.strikemap || {};
  /* Room kept free of markers along each side of the first view, beyond the controls:
     a pin stands 24 px above its point and a cluster reaches 24 px around it. */
  var MARGIN = 30;
  /* The first view never zooms closer than this, however close the events are. */
  var FIRST_MAX_ZOOM = 8;
  /* A table row's event is shown at least this close. */
  var FOCUS_ZOOM = 9;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* The key, folded to a button in the bottom right corner until the reader opens it.
     rows: [colour, icon, label] per target type; caught: the same for an interception. */
  sm.legend = function (map, rows, caught, front, bands) {
    var control = L.control({position: 'bottomright'});
    control.onAdd = function () {
      var box = el('div', 'sm-legend sm-closed');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var button = el('button', null, 'Key \u25b8');
      button.type = 'button';
      button.title = 'Show or hide the key';
      button.setAttribute('aria-expanded', 'false');
      box.appendChild(button);
      var list = el('div', 'sm-rows');
      box.appendChild(list);
      button.onclick = function () {
        var open = box.classList.toggle('sm-closed') === false;
        button.textContent = open ? 'Key \u25be' : 'Key \u25b8';
        button.setAttribute('aria-expanded', String(open));
      };
      function row(mark, text) {
        var r = el('div', 'sm-row');
        r.appendChild(mark);
        r.appendChild(el('span', null, text));
        list.appendChild(r);
      }
      function dot(x, cls) {
        var d = el('span', 'sm-dot' + (cls ? ' ' + cls : ''));
        if (cls) { d.style.color = x[0]; d.style.borderColor = x[0]; } else d.style.background = x[0];
        d.appendChild(el('i', 'fa-solid fa-' + x[1]));
        return d;
      }
      rows.forEach(function (x) { row(dot(x), x[2]); });
      row(dot(caught, 'sm-caught'), caught[2]);
      if (front) row(el('span', 'sm-line'), 'Front line');
      if (bands) row(el('span', 'sm-band'), 'Distance band');
      return box;
    };
    control.addTo(map);
    return control;
  };

  /* Fit options that keep every marker clear of the controls in the map's corners. */
  sm.padding = function (map) {
    var corners = map._controlCorners || {};
    function size(name) {
      var c = corners[name];
      return c ? [c.offsetWidth, c.offsetHeight] : [0, 0];
    }
    var tl = size('topleft'), tr = size('topright'), bl = size('bottomleft'),
      br = size('bottomright');
    return {
      paddingTopLeft: [Math.max(tl[0], bl[0]) + MARGIN, Math.max(tl[1], tr[1]) + MARGIN],
      paddingBottomRight: [Math.max(tr[0], br[0]) + MARGIN, Math.max(bl[1], br[1]) + MARGIN],
      maxZoom: FIRST_MAX_ZOOM,
      animate: false
    };
  };

  /* Run fn, which moves the map, as the map's own move: not the reader's. */
  function own(map, fn) {
    map.smOwnMove = true;
    try { fn(); } finally { map.smOwnMove = false; }
  }

  /* Note when the reader moves the map (drags, zooms, keys, or any move this file did not
     make): from then on the map keeps the reader's view. */
  sm.watchReader = function (map) {
    if (map.smReaderWatched) return;
    map.smReaderWatched = true;
    var box = map.getContainer();
    function touched() { map.smTouched = true; }
    ['mousedown', 'wheel', 'touchstart', 'keydown'].forEach(function (name) {
      box.addEventListener(name, touched, {passive: true});
    });
    map.on('movestart', function () { if (!map.smOwnMove) touched(); });
    // Leaflet measures its box only when the window resizes; the page sets the frame's
    // height from the window's, after the map is made.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        own(map, function () { map.invalidateSize({pan: false}); });
      }).observe(box);
    }
  };

  /* Whether Leaflet's stylesheet and ours are applied: the corners are boxes of their
     own, and the folded key shows no rows. */
  function styled(map) {
    var corner = (map._controlCorners || {}).topleft, rows = document.querySelector(
      '.sm-legend .sm-rows');
    return Boolean(corner) && getComputedStyle(corner).position === 'absolute' &&
      (!rows || getComputedStyle(rows).display === 'none');
  }

  function roomy(map, options) {
    var size = map.getSize();
    return size.x - options.paddingTopLeft[0] - options.paddingBottomRight[0] > 50 &&
      size.y - options.paddingTopLeft[1] - options.paddingBottomRight[1] > 50;
  }

  /* Fit the map to bounds ([[south, west], [north, east]]) clear of the controls, once
     the styles are applied, unless the reader has moved the map by then; 'smfitdone'
     on the map says it is done. */
  function fit(map, bounds) {
    var tries = 0, box = L.latLngBounds(bounds);
    map.smFitTo = box;
    // Until it is done, what is drawn is not the view the reader is meant to see.
    map.smFitPending = true;
    function go() {
      if (map.smTouched || map.smFitTo !== box) {
        map.smFitPending = false;
        map.fire('smfitdone');
        return;
      }
      if (!styled(map) && tries++ < 300) {
        // The map's stylesheets arrive after its script: measured before them, the
        // controls would look as wide as the map.
        requestAnimationFrame(go);
        return;
      }
      map.smFitPending = false;
      var options = sm.padding(map);
      if (roomy(map, options)) own(map, function () { map.fitBounds(box, options); });
      map.fire('smfitdone');
    }
    go();
  }

  /* The view for the events shown (bounds as for fit). The first time, every event in
     sight and none under a control, fitted again when the map's box changes; later (the
     filters changed), fitted again only when some are out of sight, and never once the
     reader has moved the map. */
  sm.frame = function (map, bounds) {
    sm.watchReader(map);
    if (!map.smFitted) {
      map.smFitted = true;
      map.on('resize', function () { if (map.smFitTo) fit(map, map.smFitTo); });
      fit(map, bounds);
      return;
    }
    if (map.smTouched) return;
    var options = sm.padding(map), size = map.getSize();
    var inner = L.bounds(L.point(options.paddingTopLeft),
      size.subtract(L.point(options.paddingBottomRight)));
    var box = L.latLngBounds(bounds);
    var seen = inner.contains(map.latLngToContainerPoint(box.getSouthWest())) &&
      inner.contains(map.latLngToContainerPoint(box.getNorthEast()));
    if (!seen) fit(map, bounds);
  };

  /* Centre the map on an event a table row asks for, close enough to see it alone. */
  sm.focus = function (map, latlng) {
    sm.watchReader(map);
    map.smFitted = true;
    map.smFitTo = null;
    own(map, function () {
      map.setView(latlng, Math.max(map.getZoom(), FOCUS_ZOOM), {animate: false});
    });
  };

  /* A front line over a white casing with a plain-text tooltip, switchable as text[1].
     text: [tooltip, label, colour]; an earlier line of a comparison is dashed. */
  sm.frontLine = function (parent, data, text, dashed) {
    var tip = el('span', null, text[0]);
    var layer = L.featureGroup([
      L.geoJSON(data, {interactive: false,
        style: {color: '#ffffff', weight: dashed ? 5 : 7, opacity: 0.85}}),
      L.geoJSON(data, {style: {color: text[2], weight: 3, opacity: 0.95,
        dashArray: dashed ? '8 6' : null,
        className: dashed ? 'sm-frontline-compare' : 'sm-frontline'}})
        .bindTooltip(tip, {sticky: true})
    ]);
    sm.switchable(parent._map, parent, layer, text[1]);
    return layer;
  };

  /* The area within some distance of the front line, switchable as label. */
  sm.band = function (parent, data, label) {
    var tip = el('span', null, label);
    var layer = L.geoJSON(data, {style: {color: '#7a4b00', weight: 1.2, opacity: 0.8,
      dashArray: '6 4', fillColor: '#f0a030', fillOpacity: 0.07, className: 'sm-band'}})
      .bindTooltip(tip, {sticky: true});
    sm.switchable(parent._map, parent, layer, label);
    return layer;
  };

  /* Make the layer control list a layer of a swapped group (the interceptions, a front
     line, a band), as long as the group is on the map; the reader's choice to hide it
     holds for later groups. */
  sm.switchable = function (map, parent, layer, name) {
    var control = map.smControl;
    var hidden = map.smHidden = map.smHidden || {};
    if (!hidden[name]) parent.addLayer(layer);
    if (!control) return;
    control.addOverlay(layer, name);
    function changed(shown) {
      // Only the reader's click in the control: a group taken off the map (swapped for
      // the next) takes its layers off too, which the control reports the same way.
      return function (e) {
        if (e.layer === layer && control._handlingClick) hidden[name] = !shown;
      };
    }
    var added = changed(true), removed = changed(false);
    map.on('overlayadd', added);
    map.on('overlayremove', removed);
    parent.on('remove', function () {
      map.off('overlayadd', added);
      map.off('overlayremove', removed);
      control.removeLayer(layer);
      if (map.hasLayer(layer)) map.removeLayer(layer);
    });
  };
})();
