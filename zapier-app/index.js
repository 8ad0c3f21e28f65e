// Zapier loads the package root: the compiled app lives in dist/ (see scripts/bundle.mjs).
module.exports = require('./dist');
