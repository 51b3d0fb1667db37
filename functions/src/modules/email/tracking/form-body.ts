// The fields of a form POST as RFC 8058 allows a mail provider to send them: URL-encoded
// (application/x-www-form-urlencoded) or multipart/form-data. Only short text fields are read;
// the handler kit has already refused a body over MAX_BODY_BYTES.
export function formFields(body: string | undefined, contentType: string | undefined): URLSearchParams {
  const fields = new URLSearchParams();
  if (!body) return fields;
  const boundary = /^multipart\/form-data\b.*?;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!boundary) return new URLSearchParams(body);
  for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const name = /\bname="([^"]*)"/i.exec(part.slice(0, split.index))?.[1];
    if (name !== undefined) fields.append(name, part.slice(split.index + split[0].length).replace(/\r?\n$/, ''));
  }
  return fields;
}
