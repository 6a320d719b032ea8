// The part of OpenAPI 3.1 (and its JSON Schema 2020-12 dialect) that this API's document uses.

/** A JSON Schema as OpenAPI 3.1 writes it (hand-written here, or generated from zod). */
export type JsonSchema = {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  format?: string;
  pattern?: string;
  const?: string | number | boolean;
  enum?: (string | number | null)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  default?: unknown;
  examples?: unknown[];
};

/** A JSON Schema primitive type name. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A query or path parameter. */
export type Parameter = {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
  example?: string | number | boolean;
};

/** A response header. */
export type Header = { description: string; schema: JsonSchema };

/** A response: a description and, unless empty, its JSON body. */
export type ResponseObject = {
  description: string;
  headers?: Record<string, Header>;
  /** JSON always; an endpoint that also answers CSV or GeoJSON declares those media types too. */
  content?: { 'application/json': { schema: JsonSchema } } & Record<string, { schema: JsonSchema }>;
};

/** A JSON request body. */
export type RequestBody = {
  description: string;
  required: boolean;
  content: { 'application/json': { schema: JsonSchema } };
};

/** Which of the declared schemes an operation accepts; `{}` in the list means "or none". */
export type SecurityRequirement = Record<string, string[]>;

/** One HTTP operation. */
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: SecurityRequirement[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseObject | { $ref: string }>;
};

/** The HTTP methods a route file may export, as OpenAPI names them. */
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The operations on one path. */
export type PathItem = Partial<Record<HttpMethod, Operation>>;

/** A security scheme: a bearer token or a cookie. */
export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer'; description: string }
  | { type: 'apiKey'; in: 'cookie' | 'header'; name: string; description: string };

/** An OpenAPI 3.1 document. */
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecurityScheme>;
  };
};
