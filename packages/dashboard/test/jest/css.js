// Components import their CSS for Vite; jsdom renders no styles, so a stylesheet is an empty module here.
module.exports = {};
