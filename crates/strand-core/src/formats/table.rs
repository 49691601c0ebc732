//! CSV, for catalogues and playlists alike: a header row names the columns (in any order, with
//! common aliases — `artist` for creator, `url` for uri, …), `,`, `;` or tab separate them (the
//! header tells which), quoted cells may hold newlines, and text is UTF-8 with or without a BOM,
//! UTF-16 with a BOM (transcoded as it streams, with `encoding_rs_io`), or Windows-1252 as
//! spreadsheets save it; rows are numbered as a spreadsheet numbers them. Read with the `csv`
//! crate, streamed record by record, so a million-row catalogue never sits in memory whole.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use url::Url;

use super::entry::{Fields, ImportedEntry, SkippedLine};
use super::{ParsedPlaylist, location, not_readable, text};
use crate::error::Result;
use crate::ids::ItemId;
use crate::model::ItemKind;

/// The longest record (one row, with its quoted newlines) a CSV may have.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Title,
    Creator,
    Kind,
    Duration,
    DurationMs,
    Price,
    PriceCents,
    Tags,
    Uri,
    Colour,
}

impl Column {
    fn for_header(header: &str) -> Option<Column> {
        let name = header
            .trim_start_matches('\u{feff}')
            .trim()
            .to_lowercase()
            .replace([' ', '-'], "_");
        Some(match name.as_str() {
            "id" | "strand_id" => Column::Id,
            "title" | "name" | "track" => Column::Title,
            "creator" | "artist" | "author" | "brand" | "by" => Column::Creator,
            "kind" | "type" => Column::Kind,
            "duration" | "length" | "time" => Column::Duration,
            "duration_ms" => Column::DurationMs,
            "price" => Column::Price,
            "price_cents" => Column::PriceCents,
            "tags" | "tag" | "genre" | "genres" => Column::Tags,
            "uri" | "url" | "location" | "path" | "file" | "source" | "source_uri" => Column::Uri,
            "colour" | "color" => Column::Colour,
            _ => return None,
        })
    }
}

/// One record of a CSV: an entry, or a line skipped with its reason.
#[derive(Clone, Debug, PartialEq)]
pub enum TableRow {
    /// The record became an entry.
    Entry(ImportedEntry),
    /// The record was skipped.
    Skipped(SkippedLine),
}

/// Counts what the CSV reader pulls from the file: in all (for progress) and since the last
/// record (so one endless record is refused instead of filling memory).
struct Counted<R> {
    inner: R,
    total: Arc<AtomicU64>,
    since_record: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if self.since_record.load(Ordering::Relaxed) > MAX_RECORD_BYTES {
            let kibibytes = MAX_RECORD_BYTES / 1024;
            return Err(io::Error::other(say!(
                "a row is longer than {kibibytes} KiB; this is not a catalogue",
                "eine Zeile ist länger als {kibibytes} KiB; das ist kein Katalog"
            )));
        }
        let read = self.inner.read(buffer)?;
        self.total.fetch_add(read as u64, Ordering::Relaxed);
        self.since_record.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

/// A CSV read one record at a time.
pub struct TableReader<R: Read> {
    reader: csv::Reader<BufReader<DecodeReaderBytes<Counted<R>, Vec<u8>>>>,
    columns: Vec<Option<Column>>,
    base: Url,
    record: ByteRecord,
    row: u32,
    total: Arc<AtomicU64>,
    since_record: Arc<AtomicU64>,
}

impl<R: Read> TableReader<R> {
    /// Reads the header of the CSV in `input`; relative paths in it resolve against `base`.
    pub fn new(input: R, base: Url) -> Result<TableReader<R>> {
        let total = Arc::new(AtomicU64::new(0));
        let since_record = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: input,
            total: total.clone(),
            since_record: since_record.clone(),
        };
        // A UTF-16 file (Excel's "Unicode text") is turned into UTF-8 as it streams, found by
        // its BOM; anything else passes through untouched, so cells in Windows-1252 are still
        // recognised one by one.
        let decoded = DecodeReaderBytesBuilder::new()
            .utf8_passthru(true)
            .strip_bom(true)
            .build(counted);
        let mut buffered = BufReader::with_capacity(64 * 1024, decoded);
        let head = buffered
            .fill_buf()
            .map_err(|error| not_readable("CSV", error))?;
        let delimiter = sniff_delimiter(head);
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(buffered);
        let mut header = ByteRecord::new();
        if !reader
            .read_byte_record(&mut header)
            .map_err(|error| not_readable("CSV", error))?
        {
            return Err(not_readable("CSV", say!("it is empty", "sie ist leer")));
        }
        let columns: Vec<Option<Column>> = header
            .iter()
            .map(|cell| Column::for_header(&text::decode_field(cell)))
            .collect();
        if !columns.contains(&Some(Column::Title)) && !columns.contains(&Some(Column::Uri)) {
            let found: Vec<String> = header.iter().map(text::decode_field).collect();
            return Err(not_readable("CSV", {
                let found = found.join(", ");
                say!(
                    "its header needs a title or uri column (it has: {found})",
                    "ihre Kopfzeile braucht eine Spalte title oder uri (sie hat: {found})"
                )
            }));
        }
        Ok(TableReader {
            reader,
            columns,
            base,
            record: ByteRecord::new(),
            row: 1,
            total,
            since_record,
        })
    }

    /// How many bytes of the file have been read so far.
    pub fn bytes_read(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// The next record, `None` at the end; `Err` if the file itself is unreadable.
    pub fn next_row(&mut self) -> Result<Option<TableRow>> {
        self.since_record.store(0, Ordering::Relaxed);
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|error| not_readable("CSV", error))?;
        if !more {
            return Ok(None);
        }
        // Rows count as a spreadsheet shows them: the header is row 1.
        self.row += 1;
        let line = self.row;
        Ok(Some(match self.fields() {
            Ok(fields) => match fields.into_entry(line) {
                Ok(entry) => TableRow::Entry(entry),
                Err(skipped) => TableRow::Skipped(skipped),
            },
            Err(reason) => TableRow::Skipped(SkippedLine::new(line, reason)),
        }))
    }

    fn fields(&self) -> std::result::Result<Fields, String> {
        let mut fields = Fields::default();
        for (column, cell) in self.columns.iter().zip(self.record.iter()) {
            let Some(column) = column else { continue };
            let cell = text::decode_field(cell);
            let cell = unneutralise(cell.trim_matches(|c| c == ' '));
            if cell.trim().is_empty() {
                continue;
            }
            match column {
                Column::Title => fields.title = cell.to_owned(),
                Column::Creator => fields.creator = cell.to_owned(),
                Column::Kind => {
                    let kind = ItemKind::parse(&cell.trim().to_lowercase()).ok_or_else(|| {
                        say!(
                            "its kind {cell:?} is not song, stream, product, service, link or note",
                            "seine Art {cell:?} ist nicht song, stream, product, service, link \
                             oder note"
                        )
                    })?;
                    fields.kind = Some(kind);
                }
                Column::Duration => {
                    fields.duration_ms = Some(parse_duration(cell).ok_or_else(|| {
                        say!(
                            "its duration {cell:?} is not m:ss, h:mm:ss or seconds",
                            "seine Dauer {cell:?} ist nicht m:ss, h:mm:ss oder Sekunden"
                        )
                    })?);
                }
                Column::DurationMs => {
                    fields.duration_ms = Some(cell.trim().parse().map_err(|_| {
                        say!(
                            "its duration_ms {cell:?} is not a whole number",
                            "sein duration_ms {cell:?} ist keine ganze Zahl"
                        )
                    })?);
                }
                Column::Price => {
                    fields.price_cents = Some(parse_price(cell).ok_or_else(|| {
                        say!(
                            "its price {cell:?} is not a price",
                            "sein Preis {cell:?} ist kein Preis"
                        )
                    })?);
                }
                Column::PriceCents => {
                    fields.price_cents = Some(cell.trim().parse().map_err(|_| {
                        say!(
                            "its price_cents {cell:?} is not a whole number",
                            "sein price_cents {cell:?} ist keine ganze Zahl"
                        )
                    })?);
                }
                Column::Tags => {
                    fields.tags = cell.split([';', ',', '|']).map(str::to_owned).collect();
                }
                Column::Uri => fields.locate(location::resolve(
                    cell,
                    &self.base,
                    location::Spelling::Path,
                )?),
                Column::Colour => fields.colour = Some(cell.trim().to_owned()),
                Column::Id => {
                    let id: ItemId = cell.trim().parse().map_err(|_| {
                        say!(
                            "its id {cell:?} is not a Strand item id",
                            "seine id {cell:?} ist keine Strand-Eintrags-ID"
                        )
                    })?;
                    fields.item_id = Some(id);
                }
            }
        }
        Ok(fields)
    }
}

/// A CSV playlist: every record an entry, in file order.
pub(crate) fn parse_playlist(bytes: &[u8], base: &Url) -> Result<ParsedPlaylist> {
    let mut reader = TableReader::new(bytes, base.clone())?;
    let mut playlist = ParsedPlaylist::default();
    while let Some(row) = reader.next_row()? {
        match row {
            TableRow::Entry(entry) => playlist.push(Ok(entry)),
            TableRow::Skipped(skipped) => playlist.push(Err(skipped)),
        }
    }
    Ok(playlist)
}

/// A cell as a spreadsheet may safely open it: one that would start a formula gets a leading `'`
/// (as does one that already starts with `'` before such a character, so reading undoes exactly
/// what writing did).
pub(crate) fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_quote(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

fn needs_quote(cell: &str) -> bool {
    cell.starts_with(FORMULA_STARTS) || cell.strip_prefix('\'').is_some_and(needs_quote)
}

/// `3:07`, `1:02:03`, `187` or `187.5` (seconds) as milliseconds.
fn parse_duration(cell: &str) -> Option<u32> {
    let cell = cell.trim();
    if !cell.contains(':') {
        return super::m3u::seconds_to_ms(cell);
    }
    let mut seconds = 0.0_f64;
    for (index, part) in cell.split(':').enumerate() {
        if index > 2 {
            return None;
        }
        let value: f64 = part.trim().parse().ok()?;
        if !(0.0..60.0).contains(&value) && index > 0 {
            return None;
        }
        seconds = seconds * 60.0 + value;
    }
    super::m3u::seconds_to_ms(&seconds.to_string())
}

/// `12.99`, `12,99`, `€ 12.99` or `$1299` (whole units) as cents.
fn parse_price(cell: &str) -> Option<u32> {
    let number: String = cell
        .trim()
        .trim_start_matches(['$', '€', '£', '¥'])
        .trim_end_matches(['€', '$'])
        .trim()
        .replace(',', ".");
    let (units, cents) = number.split_once('.').unwrap_or((&number, "0"));
    if units.is_empty()
        || !units.bytes().all(|b| b.is_ascii_digit())
        || cents.len() > 2
        || !cents.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let units: u32 = units.parse().ok()?;
    let cents: u32 = format!("{cents:0<2}").parse().ok()?;
    units.checked_mul(100)?.checked_add(cents)
}

/// The delimiter the header line uses most: `,`, `;` or tab.
fn sniff_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|delimiter| first_line.iter().filter(|b| *b == delimiter).count())
        .filter(|delimiter| first_line.contains(delimiter))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("file:///data/catalogue.csv").expect("base")
    }

    fn rows(csv: &str) -> Vec<TableRow> {
        let mut reader = TableReader::new(csv.as_bytes(), base()).expect("header");
        std::iter::from_fn(|| reader.next_row().expect("readable")).collect()
    }

    fn entry(row: &TableRow) -> &ImportedEntry {
        match row {
            TableRow::Entry(entry) => entry,
            TableRow::Skipped(skipped) => panic!("skipped: {skipped:?}"),
        }
    }

    #[test]
    fn headers_map_columns_in_any_order_with_aliases_and_a_bom() {
        let rows = rows(
            "\u{feff}Artist;Title;Length;Genre;URL;Price\r\nMara Quill;\"Tide;\nlive\";3:07;indie|live;../music/t.mp3;\n",
        );
        let tide = entry(&rows[0]);
        assert_eq!(tide.details.title, "Tide;\nlive");
        assert_eq!(tide.details.creator, "Mara Quill");
        assert_eq!(tide.details.duration_ms, Some(187_000));
        assert_eq!(tide.details.tags, vec!["indie", "live"]);
        assert_eq!(
            tide.details.source_uri.as_deref(),
            Some("file:///music/t.mp3")
        );
        assert_eq!(tide.details.kind, ItemKind::Song);
        assert_eq!(tide.line, 2);
    }

    #[test]
    fn bad_cells_skip_their_row_with_a_reason_and_the_rest_goes_on() {
        let rows = rows(
            "title,kind,duration,price\nA,planet,,\nB,,soon,\nC,,,12.5.0\nD,product,,\"12,99\"\n",
        );
        let reasons: Vec<String> = rows[..3]
            .iter()
            .map(|row| match row {
                TableRow::Skipped(skipped) => skipped.reason.clone(),
                TableRow::Entry(entry) => panic!("{entry:?} should be skipped"),
            })
            .collect();
        assert!(reasons[0].contains("planet"));
        assert!(reasons[1].contains("soon"));
        assert!(reasons[2].contains("12.5.0"));
        assert_eq!(entry(&rows[3]).details.price_cents, Some(1299));
    }

    #[test]
    fn formula_cells_are_neutralised_and_read_back_exactly() {
        for cell in [
            "=SUM(A1)", "+1", "-x", "@cmd", "\tx", "'=x", "''+y", "'plain", "plain", "-",
        ] {
            let written = neutralise(cell);
            assert!(!written.starts_with(FORMULA_STARTS), "{written:?}");
            assert_eq!(unneutralise(&written), cell);
        }
    }

    #[test]
    fn a_header_without_title_or_uri_and_an_empty_file_are_refused() {
        assert!(TableReader::new("a,b\n1,2\n".as_bytes(), base()).is_err());
        assert!(TableReader::new("".as_bytes(), base()).is_err());
    }

    #[test]
    fn utf16_with_a_bom_is_read_as_it_streams_in_either_byte_order() {
        let text = "title\tcreator\r\nMötley Ünder\tJonas Öberg\r\n";
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [little, big] {
            let mut reader = TableReader::new(&bytes[..], base()).expect("header");
            let Some(TableRow::Entry(entry)) = reader.next_row().expect("row") else {
                panic!("a row")
            };
            assert_eq!(entry.details.title, "Mötley Ünder");
            assert_eq!(entry.details.creator, "Jonas Öberg");
            assert!(reader.next_row().expect("end").is_none());
        }
    }

    #[test]
    fn a_ten_megabyte_row_is_an_error_not_a_memory_hog() {
        let csv = format!("title\n\"{}\"\n", "x".repeat(10 * 1024 * 1024));
        let mut reader = TableReader::new(csv.as_bytes(), base()).expect("header");
        assert!(reader.next_row().is_err());
    }

    #[test]
    fn windows_1252_cells_are_read() {
        let mut reader = TableReader::new(&b"title\nM\xF6tley\n"[..], base()).expect("header");
        let Some(TableRow::Entry(entry)) = reader.next_row().expect("row") else {
            panic!()
        };
        assert_eq!(entry.details.title, "Mötley");
    }

    #[test]
    fn durations_and_prices_take_their_common_spellings() {
        assert_eq!(parse_duration("1:02:03"), Some(3_723_000));
        assert_eq!(parse_duration("187.5"), Some(187_500));
        assert_eq!(parse_duration("1:75"), None);
        assert_eq!(parse_price("€ 4"), Some(400));
        assert_eq!(parse_price("0.5"), Some(50));
        assert_eq!(parse_price("-3"), None);
    }
}
