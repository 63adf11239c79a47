// ts-jest AST transformer: the same @nestjs/swagger compiler plugin the API's webpack build uses,
// so OpenAPI documents built in tests match production.
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) => transformer.before({ classValidatorShim: true, introspectComments: true }, cs.program);
