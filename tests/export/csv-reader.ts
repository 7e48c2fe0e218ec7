/**
 * A strict RFC 4180 reader for the tests, written apart from the writer: it drops the metadata
 * lines that start with "#" (as pandas' comment='#' does) and returns the header and the rows,
 * failing on anything a standard reader would misread (a stray quote, rows of unequal width).
 */
export interface CsvTable {
  comments: string[];
  header: string[];
  rows: string[][];
}

export function readCsv(text: string): CsvTable {
  const comments: string[] = [];
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#' && records.length === 0) {
      const end = text.indexOf('\r\n', i);
      if (end < 0) throw new Error('a metadata line does not end');
      comments.push(text.slice(i + 2, end));
      i = end + 2;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('a quoted field does not end');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`a record must end with CRLF (at ${i})`);
    }
    records.push(record);
  }
  if (records.length === 0) throw new Error('no header row');
  const [header, ...rows] = records;
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a row has ${row.length} fields, the header ${header.length}`);
  }
  return { comments, header, rows };
}

/** A column's values as numbers (an empty field is NaN). */
export function numbers(table: CsvTable, column: string): number[] {
  const k = table.header.indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  return table.rows.map((row) => (row[k] === '' ? Number.NaN : Number(row[k])));
}

export function strings(table: CsvTable, column: string): string[] {
  const k = table.header.indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  return table.rows.map((row) => row[k]);
}
