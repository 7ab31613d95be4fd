// A certificate's TBSCertificate fields read with der.ts: enough to sign under a CA's exact subject
// bytes, name a certificate without x509 on the page, and summarise a fleet's certificates quickly.
import { childrenOf, decodeOid, readChildren, readTlv, TAG, type Tlv } from "./der";

export interface TbsFields {
  serial: Tlv;
  issuer: Tlv;
  validity: Tlv;
  subject: Tlv;
  spki: Tlv;
  /** The Extension SEQUENCEs, by OID: [critical?, OCTET STRING value] children after the OID. */
  extensions: Map<string, Tlv>;
}

/** Certificate → TBSCertificate → its fields; null when the bytes are not that shape. */
export function tbsFields(der: Uint8Array): TbsFields | null {
  const cert = readTlv(der);
  const tbs = cert && cert.tag === TAG.sequence ? readChildren(cert.value)?.[0] : undefined;
  const fields = tbs && tbs.tag === TAG.sequence ? readChildren(tbs.value) : null;
  if (!fields) return null;
  // The optional [0] version shifts the rest: serial, signature, issuer, validity, subject, spki.
  const at = fields[0]?.tag === TAG.context0 ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = fields.slice(at);
  if (!serial || !issuer || !validity || !subject || !spki) return null;
  const extensions = new Map<string, Tlv>();
  const wrapper = fields.find((f) => f.tag === 0xa3);
  const list = wrapper ? readChildren(wrapper.value)?.[0] : undefined;
  for (const ext of (list && readChildren(list.value)) ?? []) {
    const oid = readChildren(ext.value)?.[0];
    if (oid?.tag === TAG.oid) extensions.set(decodeOid(oid.value), ext);
  }
  return { serial, issuer, validity, subject, spki, extensions };
}

/** The contents of an extension's OCTET STRING (its DER-encoded value), or null. */
export function extensionValue(fields: TbsFields, oid: string): Uint8Array | null {
  const ext = fields.extensions.get(oid);
  const value = ext && readChildren(ext.value)?.at(-1);
  return value?.tag === TAG.octetString ? value.value : null;
}

/** Whether the extension is marked critical. */
export function extensionCritical(fields: TbsFields, oid: string): boolean {
  const [, second] = readChildren(fields.extensions.get(oid)?.value ?? new Uint8Array()) ?? [];
  return second?.tag === 0x01 && second.value[0] !== 0;
}

/** The first CN of a Name, or null. */
export function nameCommonName(name: Tlv): string | null {
  for (const rdn of readChildren(name.value) ?? []) {
    for (const attribute of readChildren(rdn.value) ?? []) {
      const [type, value] = readChildren(attribute.value) ?? [];
      if (type?.tag === TAG.oid && value && decodeOid(type.value) === "2.5.4.3")
        return new TextDecoder("utf-8", { fatal: false }).decode(value.value);
    }
  }
  return null;
}

/** The bits of a SubjectPublicKeyInfo's key (the BIT STRING without its unused-bits byte): what SKIs hash. */
export function publicKeyBits(spki: Uint8Array): Uint8Array | null {
  const bits = childrenOf(spki)[1];
  return bits?.tag === TAG.bitString ? bits.value.subarray(1) : null;
}

/** As x509 writes serials: lowercase hex of the INTEGER, without the sign byte DER adds. */
export function serialHex(value: Uint8Array): string {
  const bytes = value.length > 1 && value[0] === 0 && (value[1] ?? 0) > 0x7f ? value.subarray(1) : value;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
