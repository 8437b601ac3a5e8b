/* strikemap's map helpers: the key, the first view, and the event a table row asks for.
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

  /* Leaflet measures its box only when the window resizes; the page sets the frame's
     height from the window's, after the map is made. */
  function watchSize(map) {
    if (map.smWatched || !window.ResizeObserver) return;
    map.smWatched = true;
    new ResizeObserver(function () { map.invalidateSize(); }).observe(map.getContainer());
  }

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

  /* The first view of a map: every event in sight and none under a control. It is fitted
     again when the map's box changes, until the reader moves the map; later layers (a
     filter changed) keep the reader's view. */
  sm.firstView = function (map, points) {
    watchSize(map);
    if (map.smFitted || !points.length) return;
    map.smFitted = true;
    var bounds = L.latLngBounds(points), touched = false, box = map.getContainer();
    var tries = 0;
    function fit() {
      if (touched) return;
      if (!styled(map) && tries++ < 100) {
        // The map's stylesheets arrive after its script: measured before them, the
        // controls would look as wide as the map.
        setTimeout(fit, 50);
        return;
      }
      var options = sm.padding(map);
      if (roomy(map, options)) map.fitBounds(bounds, options);
    }
    ['mousedown', 'wheel', 'touchstart', 'keydown'].forEach(function (name) {
      box.addEventListener(name, function () { touched = true; }, {once: true, passive: true});
    });
    map.on('resize', fit);
    fit();
  };
  /* Centre the map on one marker of a cluster layer and open its popup, once the layer
     has clustered its markers. */
  sm.focus = function (map, layer, marker, open) {
    watchSize(map);
    map.smFitted = true;
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), FOCUS_ZOOM), {animate: false});
    layer.zoomToShowLayer(marker, function () {
      map.panTo(marker.getLatLng(), {animate: false});
      open(marker);
    });
  };

  /* Make the layer control list a layer of the events (interceptions), as long as the
     events are on the map; the reader's choice to hide it holds for later layers. */
  sm.switchable = function (map, parent, layer, name) {
    var control = map.smControl;
    var hidden = map.smHidden = map.smHidden || {};
    if (!hidden[name]) parent.addLayer(layer);
    if (!control) return;
    control.addOverlay(layer, name);
    function changed(shown) {
      return function (e) { if (e.layer === layer) hidden[name] = !shown; };
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
