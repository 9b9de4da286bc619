// Cockpit plugin: a dashboard section that leads programme managers to the programme timeline and
// the programme report. The timeline is a page of the platform (it cannot be framed: the platform
// forbids embedding its pages).
export default [
  {
    id: 'kkb.programme.timeline',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      node.innerHTML =
        '<section class="dashboard-section">' +
        '<h3 class="section-title">Kommunale Konfliktberatung</h3>' +
        '<p><a id="kkb-zeitleiste" href="/programmsteuerung/zeitleiste" target="_blank" rel="noopener">' +
        'Zeitleiste der Programmrunde öffnen</a> · ' +
        '<a href="/api/programme/report?format=csv">Programmbericht (CSV)</a></p>' +
        '</section>';
    }
  }
];
