// German dates for the four webapps (Tasklist, Cockpit, Admin, Welcome), loaded by each app's
// config.js as a custom script before the app starts:
// - the date pickers (angular-ui-bootstrap) take month and day names from AngularJS's $locale, which
//   the webjar ships in American English only: this module replaces AngularJS's locale module with a
//   German one;
// - the webapps format dates with moment.js in the formats of their date filter (camDate); the
//   defaults "LLL" etc. give "1 Dezember 2025 09:00" with the webjar's German locale. The module
//   kkb.deutsch (each config.js names it in requireJsConfig.ngDeps) sets German formats instead.
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
  'Oktober', 'November', 'Dezember'];

const GERMAN = {
  DATETIME_FORMATS: {
    AMPMS: ['AM', 'PM'],
    DAY: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    ERANAMES: ['v. Chr.', 'n. Chr.'],
    ERAS: ['v. Chr.', 'n. Chr.'],
    // Monday (0 = Monday in AngularJS's numbering)
    FIRSTDAYOFWEEK: 0,
    MONTH: MONTHS,
    SHORTDAY: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    SHORTMONTH: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.',
      'Dez.'],
    STANDALONEMONTH: MONTHS,
    WEEKENDRANGE: [5, 6],
    fullDate: 'EEEE, d. MMMM y',
    longDate: 'd. MMMM y',
    medium: 'dd.MM.y HH:mm:ss',
    mediumDate: 'dd.MM.y',
    mediumTime: 'HH:mm:ss',
    short: 'dd.MM.yy HH:mm',
    shortDate: 'dd.MM.yy',
    shortTime: 'HH:mm'
  },
  NUMBER_FORMATS: {
    CURRENCY_SYM: '€',
    DECIMAL_SEP: ',',
    GROUP_SEP: '.',
    PATTERNS: [
      {gSize: 3, lgSize: 3, maxFrac: 3, minFrac: 0, minInt: 1, negPre: '-', negSuf: '', posPre: '', posSuf: ''},
      {gSize: 3, lgSize: 3, maxFrac: 2, minFrac: 2, minInt: 1, negPre: '-', negSuf: '\u00a0¤', posPre: '',
        posSuf: '\u00a0¤'}
    ]
  },
  id: 'de-de',
  localeID: 'de_DE',
  // German has the same two plural categories as English: "one" for exactly 1, otherwise "other".
  pluralCat: (count) => (count === 1 ? 'one' : 'other')
};

/** moment.js formats of the webapps' date filter, by the names the webapps use. */
export const DATE_FORMATS = {
  abbr: 'D. MMM YYYY, HH:mm',
  normal: 'DD.MM.YYYY, HH:mm',
  long: 'dddd, D. MMMM YYYY, HH:mm',
  short: 'D. MMMM YYYY'
};

let registered = false;

/** Registers the German locale and the module kkb.deutsch, once angular is there. */
function register(angular) {
  if (registered || !angular || typeof angular.module !== 'function') {
    return;
  }
  registered = true;
  angular.module('ngLocale', [], ['$provide', ($provide) => $provide.value('$locale', GERMAN)]);
  angular.module('kkb.deutsch', []).config(['camDateFormatProvider', (formats) => {
    Object.entries(DATE_FORMATS).forEach(([name, format]) => formats.setDateFormat(format, name));
  }]);
}

document.documentElement.lang = 'de';
// The webapps import their custom scripts before they expose angular as window.angular, and only
// then start the app with kkb.deutsch among its modules: when angular is not there yet, the module is
// registered the moment it is (after the assigning script has run, when angular.module exists).
// Without this, whether the app starts would depend on which script the browser ran first.
if (window.angular && typeof window.angular.module === 'function') {
  register(window.angular);
} else {
  let current = window.angular;
  Object.defineProperty(window, 'angular', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value) => {
      current = value;
      queueMicrotask(() => register(current));
    }
  });
}

export default [];
