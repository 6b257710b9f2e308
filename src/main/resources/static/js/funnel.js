// The sales funnel's two charts: the open deals per stage, and how many closed deals
// entered each stage and went on from it. The page's tables hold the same figures.
(function () {
  'use strict';
  if (!window.Chart) {
    return;
  }
  var style = getComputedStyle(document.documentElement);
  var primary = style.getPropertyValue('--tblr-primary').trim() || '#066fd1';
  var green = style.getPropertyValue('--tblr-green').trim() || '#2fb344';
  var azure = style.getPropertyValue('--tblr-azure').trim() || '#4299e1';
  document.querySelectorAll('canvas[data-funnel-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = canvas.getAttribute('data-funnel-chart') === 'open'
      ? [{ label: data.open.label, data: data.open.data, backgroundColor: primary }]
      : [{ label: data.entered.label, data: data.entered.data, backgroundColor: azure },
         { label: data.wentOn.label, data: data.wentOn.data, backgroundColor: green }];
    // Long stage names on several lines, so that a phone's narrow chart keeps them whole.
    var labels = data.labels.map(function (label) {
      return label.length > 14 ? label.split(' ') : label;
    });
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
