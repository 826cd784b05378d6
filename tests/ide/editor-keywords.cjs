// Teaches ajv the annotation keywords that editors read (VS Code's markdownDescription) and the one the
// compiler reads (x-maas-message, the words for a value that misses a pattern), so that ajv can keep strict
// mode on and still reject any other unknown keyword in the schema.
module.exports = function editorKeywords(ajv) {
  ajv.addKeyword({ keyword: "markdownDescription", schemaType: "string" });
  ajv.addKeyword({ keyword: "x-maas-message", schemaType: "object" });
  return ajv;
};
