// The route map editor: bpmn-js draws the map held in the form's textarea; on save the
// drawing goes back into the textarea and the form posts it, to be checked and deployed
// on the server like an uploaded file. Beside the canvas, a small form edits what
// Clientele reads from the selected element, as attributes in its own namespace (bpmn-js
// has no properties panel of its own here): who does an action, the deal's stage when it
// starts, its checklist, its deadline (after which it goes up to the head); how the deal
// ends at an end event.
(function () {
  'use strict';

  // Clientele's attributes as a moddle extension, so that bpmn-js reads, keeps and writes
  // them (with their namespace) like its own.
  var CLIENTELE = {
    name: 'Clientele',
    prefix: 'clientele',
    uri: 'https://clientele.io/bpmn',
    xml: { tagAlias: 'lowerCase' },
    associations: [],
    types: [
      {
        name: 'Action',
        extends: ['bpmn:Task'],
        properties: [
          { name: 'assignee', isAttr: true, type: 'String' },
          { name: 'stage', isAttr: true, type: 'String' },
          { name: 'checklist', isAttr: true, type: 'String' },
          { name: 'deadline', isAttr: true, type: 'String' }
        ]
      },
      {
        name: 'Outcome',
        extends: ['bpmn:EndEvent'],
        properties: [{ name: 'outcome', isAttr: true, type: 'String' }]
      }
    ]
  };

  function properties(modeler) {
    var panel = document.getElementById('route-map-properties');
    if (!panel) {
      return;
    }
    var modeling = modeler.get('modeling');
    var nameLine = panel.querySelector('[data-properties-name]');
    var kind = document.getElementById('prop-assignee-kind');
    var user = document.getElementById('prop-assignee-user');
    var role = document.getElementById('prop-assignee-role');
    var stage = document.getElementById('prop-stage');
    var checklist = document.getElementById('prop-checklist');
    var outcome = document.getElementById('prop-outcome');
    var deadline = document.getElementById('prop-deadline');
    var deadlineUnit = document.getElementById('prop-deadline-unit');
    var selected = null;

    function is(element, type) {
      return element && element.businessObject && element.businessObject.$instanceOf(type);
    }

    function sectionOf(element) {
      if (is(element, 'bpmn:Task')) {
        return 'action';
      }
      if (is(element, 'bpmn:ExclusiveGateway')) {
        return 'question';
      }
      if (is(element, 'bpmn:InclusiveGateway')) {
        return 'selection';
      }
      if (is(element, 'bpmn:EndEvent')) {
        return 'end';
      }
      return 'none';
    }

    function update(values) {
      if (selected) {
        var cleaned = {};
        Object.keys(values).forEach(function (key) {
          cleaned[key] = values[key] === '' ? undefined : values[key];
        });
        modeling.updateProperties(selected, cleaned);
      }
    }

    function assignee() {
      if (kind.value === 'user') {
        return 'user:' + user.value;
      }
      if (kind.value === 'role') {
        return 'role:' + role.value;
      }
      return kind.value;
    }

    function showAssignee(value) {
      var text = value || 'responsible';
      if (text.indexOf('user:') === 0) {
        kind.value = 'user';
        user.value = text.substring(5);
      } else if (text.indexOf('role:') === 0) {
        kind.value = 'role';
        role.value = text.substring(5);
      } else {
        kind.value = ['head', 'author', 'executor'].indexOf(text) >= 0 ? text : 'responsible';
      }
      user.hidden = kind.value !== 'user';
      role.hidden = kind.value !== 'role';
    }

    // A deadline as the map writes it (P2D, PT4H, P1DT12H) in whole days or hours.
    function showDeadline(value) {
      var parts = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value || '');
      if (!value || !parts) {
        deadline.value = '';
        deadlineUnit.value = 'D';
        return;
      }
      var days = parseInt(parts[1] || '0', 10);
      var hours = parseInt(parts[2] || '0', 10) + Math.ceil(parseInt(parts[3] || '0', 10) / 60);
      if (hours === 0) {
        deadline.value = days;
        deadlineUnit.value = 'D';
      } else {
        deadline.value = days * 24 + hours;
        deadlineUnit.value = 'H';
      }
    }

    function updateDeadline() {
      var amount = parseInt(deadline.value, 10);
      if (!(amount > 0)) {
        update({ 'clientele:deadline': '' });
      } else {
        update({ 'clientele:deadline': deadlineUnit.value === 'H' ? 'PT' + amount + 'H' : 'P' + amount + 'D' });
      }
    }

    function show(element) {
      selected = element;
      var section = sectionOf(element);
      panel.querySelectorAll('[data-properties-for]').forEach(function (part) {
        part.hidden = part.getAttribute('data-properties-for') !== section;
      });
      nameLine.hidden = section === 'none';
      panel.setAttribute('data-section', section);
      if (section === 'none') {
        return;
      }
      var bo = element.businessObject;
      nameLine.textContent = bo.name || bo.id;
      if (section === 'action') {
        showAssignee(bo.get('clientele:assignee'));
        stage.value = bo.get('clientele:stage') || '';
        checklist.value = bo.get('clientele:checklist') || '';
        showDeadline(bo.get('clientele:deadline'));
      } else if (section === 'end') {
        outcome.value = bo.get('clientele:outcome') || '';
      }
    }

    kind.addEventListener('change', function () {
      user.hidden = kind.value !== 'user';
      role.hidden = kind.value !== 'role';
      update({ 'clientele:assignee': assignee() });
    });
    user.addEventListener('change', function () {
      update({ 'clientele:assignee': assignee() });
    });
    role.addEventListener('change', function () {
      update({ 'clientele:assignee': assignee() });
    });
    stage.addEventListener('change', function () {
      update({ 'clientele:stage': stage.value.trim() });
    });
    checklist.addEventListener('change', function () {
      var items = checklist.value.split('\n').map(function (line) {
        return line.trim();
      }).filter(function (line) {
        return line.length > 0;
      });
      update({ 'clientele:checklist': items.join('\n') });
    });
    deadline.addEventListener('change', updateDeadline);
    deadlineUnit.addEventListener('change', updateDeadline);
    outcome.addEventListener('change', function () {
      update({ 'clientele:outcome': outcome.value });
    });

    modeler.get('eventBus').on('selection.changed', function (event) {
      show(event.newSelection.length === 1 ? event.newSelection[0] : null);
    });
    modeler.get('eventBus').on('element.changed', function (event) {
      if (selected && event.element === selected) {
        nameLine.textContent = selected.businessObject.name || selected.businessObject.id;
      }
    });
    show(null);
  }

  function start() {
    var form = document.getElementById('route-map-form');
    var source = document.getElementById('route-map-xml');
    var canvas = document.getElementById('route-map-canvas');
    var failure = document.getElementById('editor-failure');
    if (!form || !source || !canvas || typeof BpmnJS === 'undefined') {
      return;
    }
    var modeler = new BpmnJS({
      container: canvas,
      keyboard: { bindTo: document },
      moddleExtensions: { clientele: CLIENTELE }
    });
    properties(modeler);
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
