// The map of a deal's process on the deal card: bpmn-js's navigated viewer shows the
// version the process runs on, the elements it went through marked as passed and where it
// stands marked as current.
(function () {
  'use strict';

  function show(container) {
    var viewer = new BpmnJS({ container: container });
    fetch(container.getAttribute('data-url'), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (xml) {
        return viewer.importXML(xml);
      })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        function mark(ids, marker) {
          (ids || '').split(',').forEach(function (id) {
            if (id && registry.get(id)) {
              canvas.addMarker(id, marker);
            }
          });
        }
        mark(container.getAttribute('data-passed'), 'route-map-passed');
        mark(container.getAttribute('data-current'), 'route-map-current');
        canvas.zoom('fit-viewport', 'auto');
        container.setAttribute('data-ready', 'true');
      })
      .catch(function () {
        container.setAttribute('data-ready', 'failed');
      });
  }

  function start() {
    if (typeof BpmnJS === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-route-map-viewer]').forEach(show);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
