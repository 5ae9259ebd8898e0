import type { Reply } from '../http';

const SERVER = 'SN4PR01A001DC01.NAMPR01A001.PROD.OUTLOOK.COM';
const ODATA_EXCEPTION = 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException';

/** A cmdlet failure, answered with the service's error envelope (or NUL bytes for authorization failures). */
export class ExoError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' ? JSON.stringify(body) : 'exo error');
  }
}

function envelope(code: string, message: string, errorId: string, type: string, text: string, innerType = type): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      details: [{ code: 'Client', target: '', message: `${errorId}|${type}|${text}` }],
      innererror: {
        message,
        type: ODATA_EXCEPTION,
        stacktrace: '',
        internalexception: { message: text, type: innerType, stacktrace: '' },
      },
      'adminapi.warnings@odata.type': '#Collection(String)',
      '@adminapi.warnings': [],
    },
  };
}

function cmdletFailure(status: number, code: string, errorId: string, type: string, text: string, headers: Record<string, string> = {}): ExoError {
  return new ExoError(status, envelope(code, 'Error executing cmdlet', errorId, type, text,
    'Microsoft.Exchange.Management.PSDirectInvoke.DirectInvokeCmdletExecutionException'), { 'X-ExceptionType': type.split('.').pop() ?? type, ...headers });
}

function invalidOperation(type: string, text: string): ExoError {
  return new ExoError(400, envelope('BadRequest', 'Invalid Operation', '', type, text), { 'X-ExceptionType': type.split('.').pop() ?? type });
}

export const exoErrors = {
  notFound: (identity: string) => cmdletFailure(404, 'NotFound', 'Ex6F9304', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
    `The operation couldn't be performed because object '${identity}' couldn't be found on '${SERVER}'.`),
  principalNotFound: (identity: string) => cmdletFailure(404, 'NotFound', 'Ex6F9304', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
    `User or group "${identity}" wasn't found. Please make sure you've typed it correctly.`),
  ambiguous: (identity: string) => cmdletFailure(400, 'BadRequest', 'Ex5B7B5F', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException',
    `The operation couldn't be performed because '${identity}' matches multiple entries.`),
  proxyInUse: (address: string, owner: string) => cmdletFailure(400, 'BadRequest', 'ExB3D7E5', 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException',
    `The proxy address "SMTP:${address}" is already being used by the proxy addresses or LegacyExchangeDN of "${owner}". Please choose another proxy address.`),
  invalidValue: (text: string) => cmdletFailure(400, 'BadRequest', 'Ex9E2F3A', 'Microsoft.Exchange.Data.DataValidationException', text),
  unknownParameters: (names: string[]) => invalidOperation('Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException',
    `Parameter set cannot be resolved using the specified named parameters. Invalid cmdlet parameters specified. ${names.join(', ')}`),
  parameterSet: () => invalidOperation('Microsoft.Exchange.AdminApi.CommandInvocation.AmbiguousParameterSetException',
    'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.'),
  missingParameters: (names: string[]) => invalidOperation('System.Management.Automation.ParameterBindingException',
    `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`),
  badEnum: (parameter: string, value: string, typeName: string, allowed: string[]) => invalidOperation(
    'Microsoft.Exchange.AdminApi.CommandInvocation.ParameterTransformationException',
    `Cannot process argument transformation on parameter '${parameter}'. Cannot convert value "${value}" to type "${typeName}". Error: "Unable to match the identifier name ${value} to a valid enumerator name. Specify one of the following enumerator names and try again: ${allowed.join(', ')}"`),
  badArgument: (parameter: string, text: string) => invalidOperation('System.Management.Automation.ParameterBindingException',
    `Cannot bind parameter '${parameter}'. ${text}`),
  badRequest: (text: string) => invalidOperation('Microsoft.Exchange.AdminApi.CommandInvocation.InvalidRequestException', text),
  pagination: () => invalidOperation('Microsoft.Exchange.AdminApi.CommandInvocation.InvalidPaginationException',
    'Expired or Invalid pagination request. Default Expiry time is 00:30:00'),
};

/** Missing RBAC or an unknown cmdlet: the service answers 403 with a body of NUL bytes. */
export function forbiddenReply(): Reply {
  return { status: 403, body: Buffer.alloc(256, 0), headers: { 'Content-Type': 'application/json' } };
}

export function refusalReply(status: 429 | 503, retryAfter: number, concurrency = false): Reply {
  const text = concurrency
    ? 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again'
    : status === 429 ? 'Too many requests. Please wait and try again.' : 'The service is temporarily unavailable. Please try again later.';
  const type = concurrency ? 'Microsoft.Exchange.Admin.OData.Core.ConcurrencyLimitExceededException' : 'Microsoft.Exchange.Admin.OData.Core.ThrottlingException';
  const body = envelope(status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', text, '', type, text);
  return { status, body, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(retryAfter) } };
}

export function errorReply(error: ExoError): Reply {
  if (Buffer.isBuffer(error.body)) return { status: error.status, body: error.body, headers: error.headers };
  return { status: error.status, body: error.body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...error.headers } };
}
