/* Draws each chart of the dashboard from the table beside it, so the page's figures have one source, readable without
   JavaScript. A canvas gets data-drawn with the number of values drawn once Chart.js has rendered it. */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  // Okabe-Ito colours, told apart also with colour-blindness; the dashes and point shapes tell series apart without colour
  var colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
  var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var points = ['circle', 'rect', 'triangle', 'rectRot'];
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function seriesOf(table) {
    var names = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
    var datasets = names.map(function (name, i) {
      return {
        label: name,
        data: rows.map(function (row) {
          var value = row.querySelectorAll('td')[i].getAttribute('data-value');
          return value === null || value === '' ? null : Number(value);
        }),
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderDash: dashes[i % dashes.length],
        pointStyle: points[i % points.length],
        pointRadius: 3,
        spanGaps: false
      };
    });
    return {labels: labels, datasets: datasets};
  }

  var counted = {
    id: 'servicepulsDrawn',
    afterRender: function (chart) {
      var drawn = 0;
      chart.data.datasets.forEach(function (dataset) {
        dataset.data.forEach(function (value) { if (value !== null && !isNaN(value)) { drawn++; } });
      });
      chart.canvas.setAttribute('data-drawn', String(drawn));
    }
  };

  document.querySelectorAll('canvas[data-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table) {
      return;
    }
    new Chart(canvas, {
      type: canvas.getAttribute('data-kind') || 'line',
      data: seriesOf(table),
      plugins: [counted],
      options: {
        animation: reduceMotion ? false : {duration: 300},
        maintainAspectRatio: false,
        locale: document.documentElement.lang === 'en' ? 'en-GB' : 'da-DK',
        interaction: {mode: 'index', intersect: false},
        plugins: {legend: {position: 'bottom', labels: {usePointStyle: true, color: '#1b1b1b'}}},
        scales: {
          x: {ticks: {color: '#1b1b1b'}},
          y: {beginAtZero: true, ticks: {color: '#1b1b1b'},
              title: {display: true, text: canvas.getAttribute('data-axis'), color: '#1b1b1b'}}
        }
      }
    });
  });
})();
