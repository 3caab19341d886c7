'use strict';
// Bulk import files (docs/import.md) of any size, for the bench and the large import tests:
// new members spread over the teams and roles named, and credentials for them.

const cell = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (values) => values.map((v) => cell(String(v))).join(',');
const day = (i) => String(1 + (i % 28)).padStart(2, '0');

/** Rows `${prefix}1` .. `${prefix}${rows}`, hired on a day of the month `hiredIn` (YYYY-MM). */
function staffImportCsv({
  rows,
  employeeIdPrefix,
  name,
  emailDomain,
  teams,
  roles,
  status = 'active',
  hiredIn,
}) {
  const local = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  const lines = ['Employee ID,Name,Email,Team,Role,Status,Hire date'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      line([
        `${employeeIdPrefix}${i}`,
        `${name} ${i}`,
        `${local}.${i}@${emailDomain}`,
        teams[i % teams.length],
        roles[i % roles.length],
        status,
        `${hiredIn}-${day(i)}`,
      ]),
    );
  return lines.join('\n');
}

/** One credential per member of the staff file, with a verification when `verifiedIn` is given. */
function credentialImportCsv({
  rows,
  employeeIdPrefix,
  codes,
  numberPrefix,
  issuedIn,
  expiresIn,
  verifiedIn,
}) {
  const header = ['Employee ID', 'Credential type (code)', 'Number', 'Issued on', 'Expires on'];
  if (verifiedIn) header.push('Verification method', 'Verified on');
  const lines = [header.join(',')];
  for (let i = 1; i <= rows; i++) {
    const values = [
      `${employeeIdPrefix}${i}`,
      codes[i % codes.length],
      `${numberPrefix}${i}`,
      `${issuedIn}-${day(i)}`,
      `${expiresIn}-${day(i)}`,
    ];
    if (verifiedIn) values.push('primary-source', `${verifiedIn}-${day(i)}`);
    lines.push(line(values));
  }
  return lines.join('\n');
}

module.exports = { staffImportCsv, credentialImportCsv };
