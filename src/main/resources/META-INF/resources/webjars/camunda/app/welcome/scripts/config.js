// Welcome configuration of the KKB platform: German only (docs/webapps.md).
export default {
  // The app's name on its login page and in the header ("Camunda Startseite"; the webjar says "Welcome").
  app: {
    name: 'Startseite'
  },
  // German is the only language: the browser's language is not asked (locales/de.json of the webjar).
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // German month and day names, German date formats (kkb/deutsch.js).
  customScripts: ['../kkb/deutsch.js'],
  requireJsConfig: {ngDeps: ['kkb.deutsch']}
};
