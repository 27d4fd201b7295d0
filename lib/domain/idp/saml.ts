// Reads the SAML 2.0 metadata an identity provider publishes: its entity id, where to send sign-in requests,
// and the certificates its assertions are signed with (several while it rotates its signing key). Every refusal names what is wrong, since the person
// pasting the XML usually copied it from an IdP console and needs to know what to fix there.
import { X509Certificate } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";

export const SAML_METADATA_MAX_BYTES = 256 * 1024;

const BINDINGS_BY_PREFERENCE = [
  ["HTTP-Redirect", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"],
  ["HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"],
] as const;

export type SamlBinding = (typeof BINDINGS_BY_PREFERENCE)[number][0];

// What is kept of parsed metadata. Stored as JSON, it is checked again when read: a row written by an older
// version, or by hand, may not have this shape.
const samlCertificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** ISO 8601 */
  validFrom: z.iso.datetime(),
  /** ISO 8601 */
  validTo: z.iso.datetime(),
  /** colon-separated upper-case hex, as IdP consoles show it */
  fingerprintSha256: z.string(),
  /** public: kept so assertions can be checked against it */
  pem: z.string(),
});

export const samlMetadataSchema = z.object({
  entityId: z.string(),
  ssoUrl: z.string(),
  ssoBinding: z.enum(BINDINGS_BY_PREFERENCE.map(([binding]) => binding)),
  /** every signing certificate the metadata lists, in its order, expired and not yet valid ones too */
  certificates: z.array(samlCertificate).min(1),
});

export type SamlCertificate = z.infer<typeof samlCertificate>;
export type SamlMetadata = z.infer<typeof samlMetadataSchema>;

export type SamlParseResult = { ok: true; metadata: SamlMetadata } | { ok: false; error: string };

// Elements that may repeat are always arrays, so a document with one of them reads like one with several.
const REPEATABLE = new Set(["EntitiesDescriptor", "EntityDescriptor", "IDPSSODescriptor", "SingleSignOnService", "KeyDescriptor", "KeyInfo", "X509Data", "X509Certificate"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // md:, saml:, ds: or a default namespace: IdPs differ, the local names do not
  removeNSPrefix: true,
  // entities are never expanded, external ones never fetched
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATABLE.has(name),
});

type XmlNode = Record<string, unknown>;

const children = (node: XmlNode | undefined, name: string): XmlNode[] => (node?.[name] as XmlNode[] | undefined) ?? [];
const attribute = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return typeof value === "string" ? value.trim() : undefined;
};
const text = (node: unknown): string => {
  if (typeof node === "string") return node;
  const inner = (node as XmlNode | undefined)?.["#text"];
  return typeof inner === "string" ? inner : "";
};

const fail = (error: string): SamlParseResult => ({ ok: false, error });
const day = (iso: string) => iso.slice(0, 10);

/**
 * Parses an IdP's SAML metadata; `now` decides whether the metadata (its validUntil) is in force and whether at
 * least one of its signing certificates is.
 */
export function parseSamlMetadata(xml: string, now = new Date()): SamlParseResult {
  if (Buffer.byteLength(xml, "utf8") > SAML_METADATA_MAX_BYTES) {
    return fail(`The metadata is larger than ${SAML_METADATA_MAX_BYTES / 1024} KB; paste the metadata of one identity provider.`);
  }
  const source = xml.replace(/^\uFEFF/, "").trim();
  if (!source) return fail("The metadata is empty: paste the XML your identity provider publishes.");
  if (!source.startsWith("<")) return fail("This is not XML: SAML metadata starts with <?xml or <EntityDescriptor.");
  // Metadata never needs a DTD, and a DTD is where entity tricks live.
  if (/<!DOCTYPE/i.test(source)) return fail("The metadata contains a DOCTYPE declaration; SAML metadata has none, remove it.");

  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    const { msg, line } = validation.err;
    return fail(`The metadata is not well-formed XML${line ? ` (line ${line})` : ""}: ${msg}`);
  }
  const document = parser.parse(source) as XmlNode;

  const entity = entityDescriptor(document);
  if (typeof entity === "string") return fail(entity);
  const lapsed = lapsedValidity(document, entity, now);
  if (lapsed) return fail(lapsed);

  const entityId = attribute(entity, "entityID");
  if (!entityId) return fail("The EntityDescriptor has no entityID attribute.");

  const idp = children(entity, "IDPSSODescriptor")[0];
  if (!idp) return fail("The metadata describes no identity provider: it has no IDPSSODescriptor element (is this a service provider's metadata?).");

  const sso = singleSignOnService(idp);
  if (typeof sso === "string") return fail(sso);

  const certificates = signingCertificates(idp, now);
  if (typeof certificates === "string") return fail(certificates);

  return { ok: true, metadata: { entityId, ...sso, certificates } };
}

/** The one EntityDescriptor, at the root or alone in an EntitiesDescriptor; a string says what is wrong. */
function entityDescriptor(document: XmlNode): XmlNode | string {
  const atRoot = children(document, "EntityDescriptor");
  if (atRoot.length > 0) return atRoot[0];
  const nested = children(document, "EntitiesDescriptor").flatMap((group) => children(group, "EntityDescriptor"));
  const providers = nested.filter((entity) => children(entity, "IDPSSODescriptor").length > 0);
  if (providers.length > 1) return `The metadata lists ${providers.length} identity providers; paste the metadata of one.`;
  return providers[0] ?? nested[0] ?? "The metadata has no EntityDescriptor element.";
}

/** Why the metadata is no longer to be trusted by its own validUntil (the EntityDescriptor's or its group's), or null. */
function lapsedValidity(document: XmlNode, entity: XmlNode, now: Date): string | null {
  const holders = [...children(document, "EntitiesDescriptor").map((group) => ["EntitiesDescriptor", group] as const), ["EntityDescriptor", entity] as const];
  for (const [name, node] of holders) {
    const validUntil = attribute(node, "validUntil");
    if (validUntil === undefined) continue;
    // an xs:dateTime may omit its zone; SAML's times are UTC
    const until = Date.parse(/(Z|[+-]\d\d:\d\d)$/i.test(validUntil) ? validUntil : `${validUntil}Z`);
    if (Number.isNaN(until)) return `The ${name}'s validUntil is not a date and time: ${validUntil}`;
    if (now.getTime() > until) {
      return `The metadata expired on ${day(new Date(until).toISOString())} (validUntil of its ${name}): download a current copy from the identity provider.`;
    }
  }
  return null;
}

function singleSignOnService(idp: XmlNode): { ssoUrl: string; ssoBinding: SamlBinding } | string {
  const services = children(idp, "SingleSignOnService");
  for (const [ssoBinding, urn] of BINDINGS_BY_PREFERENCE) {
    const service = services.find((s) => attribute(s, "Binding") === urn);
    if (!service) continue;
    const location = attribute(service, "Location");
    if (!location) return `The ${ssoBinding} SingleSignOnService has no Location.`;
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      return `The single sign-on URL is not a valid URL: ${location}`;
    }
    if (url.protocol !== "https:") return `The single sign-on URL must use https: ${location}`;
    return { ssoUrl: location, ssoBinding };
  }
  return services.length === 0
    ? "The identity provider has no SingleSignOnService."
    : "The identity provider has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.";
}

/**
 * Every signing certificate, once each; a string says what is wrong. An IdP rotating its key lists the old
 * and the new one, and signs with either: the metadata is accepted while at least one is valid.
 */
function signingCertificates(idp: XmlNode, now: Date): SamlCertificate[] | string {
  // A KeyDescriptor without `use` serves both signing and encryption.
  const encoded = children(idp, "KeyDescriptor")
    .filter((key) => (attribute(key, "use") ?? "signing") === "signing")
    .flatMap((key) => children(key, "KeyInfo"))
    .flatMap((info) => children(info, "X509Data"))
    .flatMap((data) => children(data, "X509Certificate"))
    .map((certificate) => text(certificate).replace(/\s+/g, ""))
    .filter(Boolean);
  if (!encoded.length) return "The metadata has no signing certificate (a KeyDescriptor with an X509Certificate, use=\"signing\" or no use).";

  const certificates: SamlCertificate[] = [];
  for (const [index, base64] of encoded.entries()) {
    const certificate = readCertificate(base64);
    if (!certificate) {
      const which = encoded.length === 1 ? "The signing certificate" : `Signing certificate ${index + 1} of ${encoded.length}`;
      return `${which} is not a readable X.509 certificate.`;
    }
    if (!certificates.some((seen) => seen.fingerprintSha256 === certificate.fingerprintSha256)) certificates.push(certificate);
  }
  if (certificates.some((certificate) => certificateState(certificate, now) === "valid")) return certificates;
  if (certificates.length === 1) return `The signing certificate ${whyNotValid(certificates[0], now)}.`;
  const reasons = certificates.map((certificate) => `${certificate.subject} ${whyNotValid(certificate, now)}`);
  return `None of the ${certificates.length} signing certificates is valid now: ${reasons.join("; ")}.`;
}

export type CertificateState = "valid" | "expired" | "not_yet_valid";

export function certificateState({ validFrom, validTo }: SamlCertificate, now: Date): CertificateState {
  if (now.getTime() > Date.parse(validTo)) return "expired";
  if (now.getTime() < Date.parse(validFrom)) return "not_yet_valid";
  return "valid";
}

const whyNotValid = (certificate: SamlCertificate, now: Date) =>
  certificateState(certificate, now) === "expired" ? `expired on ${day(certificate.validTo)}` : `is not valid until ${day(certificate.validFrom)}`;

function readCertificate(base64: string): SamlCertificate | null {
  // Buffer's decoder skips characters outside the alphabet, so check it first.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(base64, "base64"));
  } catch {
    return null;
  }
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    pem: certificate.toString(),
  };
}

/** node gives one attribute a line; a single line reads better in a table and an audit row. */
const distinguishedName = (name: string) => name.split("\n").filter(Boolean).join(", ");
