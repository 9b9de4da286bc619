// Cockpit plugin of the KKB platform: a dashboard section for programme management. It lists every
// municipality with a consultation, from the programme report (/api/programme/report, which the
// platform answers for programme management and admins, with the Cockpit login), each row linking
// to its consultation in Cockpit, and leads to the programme timeline and the report as CSV.
//
// The timeline is a page of the platform, not of Cockpit: it opens in the same tab (the browser's
// "Zurück" leads back) and takes the Cockpit login, so nobody logs in a second time. It cannot be
// framed: the platform forbids embedding its pages.

const REPORT = '/api/programme/report';
const TIMELINE = '/programmsteuerung/zeitleiste';

const COLUMNS = ['Aktenzeichen', 'Kommune', 'Träger', 'Phase', 'Überfällige Aufgaben', 'Nächste Frist'];

const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin'
});

/** An element with text content only: names come from applicants and are never read as markup. */
function element(name, text, attributes = {}) {
  const node = document.createElement(name);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

function germanDate(value) {
  return value ? GERMAN_DATE.format(new Date(value)) : '–';
}

/** The consultation in Cockpit: the running instance's view (Cockpit CE has none for ended ones). */
function reference(row) {
  const cell = element('th', null, {scope: 'row'});
  const text = row.reference || '(ohne Aktenzeichen)';
  if (row.processInstanceId && !row.ended) {
    cell.appendChild(element('a', text, {
      href: '#/process-instance/' + encodeURIComponent(row.processInstanceId) + '/runtime',
      title: 'Beratung ' + text + ' in Cockpit öffnen'
    }));
  } else {
    cell.appendChild(document.createTextNode(text));
    cell.appendChild(element('span', ' (abgeschlossen)', {class: 'kkb-ended'}));
  }
  return cell;
}

function table(rows) {
  const result = element('table', null, {class: 'cam-table', id: 'kkb-kommunen'});
  result.appendChild(element('caption', 'Kommunen der Programmrunde mit Beratung, je Zeile der '
      + 'Link zur Beratung in Cockpit'));
  const head = result.appendChild(element('thead')).appendChild(element('tr'));
  COLUMNS.forEach((column) => head.appendChild(element('th', column, {scope: 'col'})));
  const body = result.appendChild(element('tbody'));
  rows.forEach((row) => {
    const line = body.appendChild(element('tr', null, {'data-reference': row.reference || ''}));
    if (row.overdueTasks > 0) {
      line.className = 'kkb-overdue';
    }
    line.appendChild(reference(row));
    line.appendChild(element('td', row.municipalityName || '–'));
    line.appendChild(element('td', row.carrier || '–'));
    line.appendChild(element('td', row.ended ? 'abgeschlossen' : (row.phase || '–')));
    line.appendChild(element('td', row.overdueTasks ?? 0));
    line.appendChild(element('td', germanDate(row.nextDeadline)));
  });
  return result;
}

async function load(container) {
  const status = container.appendChild(element('p', 'Die Kommunen werden geladen …', {
    id: 'kkb-kommunen-status', role: 'status'
  }));
  try {
    const answer = await fetch(REPORT, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!answer.ok) {
      status.textContent = answer.status === 403
        ? 'Die Liste der Kommunen sieht nur die Programmsteuerung.'
        : 'Die Liste der Kommunen konnte nicht geladen werden (Status ' + answer.status + ').';
      return;
    }
    const rows = await answer.json();
    status.textContent = rows.length === 0 ? 'Noch keine Kommune wird beraten.'
      : rows.length === 1 ? 'Eine Kommune wird beraten.'
      : rows.length + ' Kommunen werden beraten.';
    if (rows.length > 0) {
      container.appendChild(table(rows));
    }
  } catch (error) {
    status.textContent = 'Die Liste der Kommunen konnte nicht geladen werden.';
  }
}

const STYLE = '#kkb-programmsteuerung table { width: 100%; margin-bottom: 1em; }'
  + '#kkb-programmsteuerung caption { text-align: left; color: #333; }'
  + '#kkb-programmsteuerung tr.kkb-overdue td:nth-child(5) { color: #b5152b; font-weight: bold; }'
  + '#kkb-programmsteuerung .kkb-links a { margin-right: 1.5em; }';

export default [
  {
    id: 'kkb.programme.municipalities',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      node.textContent = '';
      const section = element('section', null, {id: 'kkb-programmsteuerung', 'aria-labelledby': 'kkb-titel'});
      section.appendChild(element('style', STYLE));
      const inner = section.appendChild(element('div', null, {class: 'inner'}));
      inner.appendChild(element('h2', 'Kommunen der Programmrunde', {class: 'section-title', id: 'kkb-titel'}));
      const links = inner.appendChild(element('p', null, {class: 'kkb-links'}));
      links.appendChild(element('a', 'Zeitleiste der Programmrunde öffnen', {id: 'kkb-zeitleiste', href: TIMELINE}));
      links.appendChild(element('a', 'Programmbericht herunterladen (CSV)', {href: REPORT + '?format=csv'}));
      links.appendChild(element('a', 'Datenschutz: Auskunft und Löschung', {href: '/programmsteuerung/datenschutz'}));
      node.appendChild(section);
      load(inner);
    }
  }
];
