// The events map: Natural Earth outlines (served by this app) and one circle per located event.
// Article text is untrusted: titles go into the DOM with textContent, never as HTML strings
// (Leaflet's bindTooltip/bindPopup would set innerHTML from a string).
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("events-data");
  if (!el || !dataEl || typeof L === "undefined") {
    return;
  }
  var events = JSON.parse(dataEl.textContent);
  var map = L.map(el, { worldCopyJump: true, minZoom: 1 }).setView([25, 10], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth");
  window.eventledgerMap = map;

  var outlines = null;
  fetch(el.getAttribute("data-basemap"))
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      outlines = L.geoJSON(geo, {
        interactive: false,
        style: { color: "#8a9aa8", weight: 0.6, fillColor: "#e8ece6", fillOpacity: 1 }
      }).addTo(map);
      outlines.bringToBack();
      el.setAttribute("data-basemap-loaded", String(geo.features.length));
    })
    .catch(function () { el.setAttribute("data-basemap-loaded", "0"); });

  var bounds = [];
  events.forEach(function (e) {
    var marker = L.circleMarker([e.lat, e.lon], {
      radius: 7,
      weight: 1.5,
      color: "#7a1f1f",
      fillColor: "#c0392b",
      fillOpacity: 0.8,
      className: "event-marker kind-" + e.kind
    });
    var tip = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = e.title;
    var line = document.createElement("div");
    line.textContent = (e.date || "undated") + " · " + (e.kind || "") + " · deaths " + e.deaths;
    tip.appendChild(title);
    tip.appendChild(line);
    marker.bindTooltip(tip);
    marker.on("click", function () {
      window.location.href = "/events/" + encodeURIComponent(e.id);
    });
    marker.on("add", function () {
      var path = marker.getElement();
      if (path) {
        path.setAttribute("data-event-id", e.id);
        path.setAttribute("aria-label", e.title);
      }
    });
    marker.addTo(map);
    bounds.push([e.lat, e.lon]);
  });
  if (bounds.length > 1) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 5 });
  } else if (bounds.length === 1) {
    map.setView(bounds[0], 4);
  }
  el.setAttribute("data-markers", String(events.length));
})();
