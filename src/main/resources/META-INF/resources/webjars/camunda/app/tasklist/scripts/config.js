// Tasklist configuration of the KKB platform: German only, German dates (docs/webapps.md).
export default {
  // German is the only language: the browser's language is not asked (locales/de.json of the webjar).
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // German month and day names in the date pickers, German date formats (kkb/deutsch.js, for all
  // four webapps alike; Tasklist's own option dateFormat is overridden there).
  customScripts: ['../kkb/deutsch.js'],
  requireJsConfig: {ngDeps: ['kkb.deutsch']},
  // The keyboard shortcuts' descriptions are shown in Tasklist's help dialog.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Übernimmt die ausgewählte Aufgabe'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Setzt den Fokus auf den ersten Filter der Liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Setzt den Fokus auf die erste Aufgabe der Liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Setzt den Fokus auf das erste Eingabefeld des Formulars'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Öffnet den Dialog zum Starten eines Prozesses'
    }
  }
};
