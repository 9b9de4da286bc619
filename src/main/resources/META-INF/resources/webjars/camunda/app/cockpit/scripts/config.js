// Cockpit configuration of the KKB platform: the programme timeline on the dashboard.
export default {
  customScripts: ['kkb/kkb-zeitleiste.js']
};
