/**
 * A small multipart/form-data reader for the chat fakes (discord.js sends
 * files with `payload_json`, the Slack client uploads file bytes as a form):
 * the parts with their field name, file name, content type and raw bytes.
 */

export interface FormPart {
  /** The `name` of Content-Disposition. */
  name: string;
  /** The `filename` of Content-Disposition, for file parts. */
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (contentType === undefined || !contentType.toLowerCase().startsWith('multipart/form-data')) return null;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/iu.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function headerParam(header: string, param: string): string | null {
  const match = new RegExp(`${param}="([^"]*)"`, 'iu').exec(header) ?? new RegExp(`${param}=([^;\\s]+)`, 'iu').exec(header);
  return match?.[1] ?? null;
}

/** Splits a multipart body into its parts. Throws on a body that does not follow the boundary format. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new Error('multipart: no boundary in body');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const next = body.indexOf(delimiter, afterDelimiter);
    if (headersEnd < 0 || next < 0) throw new Error('multipart: unterminated part');
    const headers = body.subarray(afterDelimiter + 2, headersEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => h.toLowerCase().startsWith('content-disposition:')) ?? '';
    const type = headers.find((h) => h.toLowerCase().startsWith('content-type:'));
    parts.push({
      name: headerParam(disposition, 'name') ?? '',
      filename: headerParam(disposition, 'filename'),
      contentType: type === undefined ? null : type.slice(type.indexOf(':') + 1).trim(),
      data: body.subarray(headersEnd + 4, next - 2),
    });
    start = next;
  }
}
