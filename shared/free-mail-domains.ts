/**
 * Mailbox providers whose domain says nothing about the company a person
 * works for. A partner can never be matched, or claim a domain, from this list;
 * its people are still matched one by one as contacts.
 */
export const freeMailDomains: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
  "live.com", "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
  "yahoo.co.jp", "ymail.com", "rocketmail.com", "aol.com", "icloud.com", "me.com", "mac.com",
  "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de",
  "mail.com", "zoho.com", "zohomail.com", "yandex.com", "yandex.ru", "mail.ru", "qq.com",
  "163.com", "126.com", "naver.com", "hey.com", "fastmail.com", "tutanota.com", "tuta.io",
  "orange.fr", "free.fr", "laposte.net", "libero.it", "t-online.de", "comcast.net",
  "verizon.net", "att.net", "btinternet.com", "sky.com", "rediffmail.com", "seznam.cz",
  "wp.pl", "o2.pl", "interia.pl", "bol.com.br", "uol.com.br",
]);
