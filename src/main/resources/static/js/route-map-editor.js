// The route map editor: bpmn-js draws the map held in the form's textarea; on save the
// drawing goes back into the textarea and the form posts it, to be checked and deployed
// on the server like an uploaded file.
(function () {
  'use strict';

  function start() {
    var form = document.getElementById('route-map-form');
    var source = document.getElementById('route-map-xml');
    var canvas = document.getElementById('route-map-canvas');
    var failure = document.getElementById('editor-failure');
    if (!form || !source || !canvas || typeof BpmnJS === 'undefined') {
      return;
    }
    var modeler = new BpmnJS({ container: canvas, keyboard: { bindTo: document } });
    modeler.importXML(source.value).then(function () {
      modeler.get('canvas').zoom('fit-viewport', 'auto');
      canvas.setAttribute('data-ready', 'true');
    }).catch(function () {
      failure.classList.remove('d-none');
      canvas.setAttribute('data-ready', 'failed');
    });

    var saving = false;
    form.addEventListener('submit', function (event) {
      if (saving) {
        return;
      }
      event.preventDefault();
      modeler.saveXML({ format: true }).then(function (result) {
        source.value = result.xml;
        saving = true;
        form.submit();
      }).catch(function () {
        failure.classList.remove('d-none');
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
