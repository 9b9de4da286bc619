// Cockpit configuration of the KKB platform: German only (docs/webapps.md).
export default {
  // German is the only language: the browser's language is not asked (locales/de.json of the webjar).
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // German month and day names in the date pickers, German date formats (kkb/deutsch.js); the
  // dashboard section of programme management (kkb/programmsteuerung.js).
  customScripts: ['../kkb/deutsch.js', 'kkb/programmsteuerung.js'],
  requireJsConfig: {ngDeps: ['kkb.deutsch']}
};
