// Teaches ajv the annotation keywords that editors read (VS Code's markdownDescription), so that ajv
// can keep strict mode on and still reject any other unknown keyword in the schema.
module.exports = function editorKeywords(ajv) {
  ajv.addKeyword({ keyword: "markdownDescription", schemaType: "string" });
  return ajv;
};
