/** 15 case-sensitive characters, or those 15 plus a 3-character checksum. */
const idPattern = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const checksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

function checksum(id15: string): string {
  let suffix = "";
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(block * 5 + i);
      if (char >= "A" && char <= "Z") bits |= 1 << i;
    }
    suffix += checksumAlphabet.charAt(bits);
  }
  return suffix;
}

/** A 15-character id, or an 18-character id whose checksum is right. */
export function isSalesforceId(value: string): boolean {
  if (!idPattern.test(value)) return false;
  return value.length === 15 || checksum(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/**
 * The key two spellings of one record share: the 15-character id. Salesforce
 * pages show either form, and a partner may have been saved with the other.
 */
export function salesforceKey(id: string): string {
  return id.slice(0, 15);
}

export function toEighteenCharacterId(id: string): string {
  return id.length === 18 ? id : id + checksum(id);
}
