// Parse graph exports the way Gephi Lite does (graphology) and print what it read as JSON, so that the
// Python tests can compare it with what the exporter meant to write.
//   node parse_graph.js gexf FILE...      node parse_graph.js graphml FILE...
// Exit 1 with the parser's message when a file does not parse.
"use strict";
const fs = require("fs");
const Graph = require("graphology");

const [kind, ...files] = process.argv.slice(2);
const parsers = {gexf: () => require("graphology-gexf"), graphml: () => require("graphology-graphml")};
if (!parsers[kind] || files.length === 0) {
  console.error("usage: node parse_graph.js gexf|graphml FILE...");
  process.exit(2);
}
const parser = parsers[kind]();
const out = {};
for (const file of files) {
  let graph;
  try {
    graph = parser.parse(Graph, fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`${file}: ${err && err.message ? err.message : err}`);
    process.exit(1);
  }
  const nodes = {};
  graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
  const edges = [];
  graph.forEachEdge((key, attributes, source, target) => { edges.push({key, source, target, attributes}); });
  out[file] = {type: graph.type, multi: graph.multi, order: graph.order, size: graph.size,
               graph: graph.getAttributes(), nodes, edges};
}
process.stdout.write(JSON.stringify(out));
