// A web address as people type it: "baodientu.vn/bai-viet" means https://baodientu.vn/bai-viet.
// Shared by the entry form (as the field is left) and the API (before the address is checked),
// so what the journalist sees in the field is what is stored.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A host name with a dot and no spaces, optionally followed by a path, query or fragment.
const BARE_HOST = /^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

/**
 * Adds https:// to an address typed without a scheme ("www.baomoi.vn/x", "//baomoi.vn/x").
 * Anything else (another scheme, spaces, no dot) is returned as typed, for the check to refuse
 * with a message while the field keeps it.
 */
export function normalizeUrl(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "") return "";
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.startsWith("//") && BARE_HOST.test(trimmed.slice(2))) return `https:${trimmed}`;
  if (!SCHEME.test(trimmed) && BARE_HOST.test(trimmed)) return `https://${trimmed}`;
  // "baomoi.vn:8080/x" reads as a scheme to the test above; it is still a host with a port.
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+:\d+([/?#]\S*)?$/u.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}
