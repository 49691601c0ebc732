//! A bundle's cover: whatever bytes a person picked (or a file carried) decoded by the `image`
//! crate, refused unless they are a PNG, JPEG or WebP of sane size, scaled down to fit
//! [`COVER_SIDE`] and encoded again. The library stores only what this module made, so the window
//! never shows a file as it came.

use std::io::Cursor;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use crate::error::{Error, Result};

/// The largest cover file read, in bytes: a phone photo is a few MiB.
pub const MAX_COVER_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The widest or tallest picture decoded, in pixels. A file claiming more is refused before its
/// pixels are allocated (a tiny file can claim a picture of gigabytes).
pub const MAX_SOURCE_SIDE: u32 = 12_000;

/// The longest side a stored cover has; smaller pictures are kept at their size.
pub const COVER_SIDE: u32 = 600;

/// A JPEG of photos at this quality is hard to tell from the original at cover size.
const JPEG_QUALITY: u8 = 85;

/// A cover as the library stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    /// `image/png` (when it has transparency) or `image/jpeg`.
    pub media_type: String,
    /// Its width in pixels, at most [`COVER_SIDE`].
    pub width: u32,
    /// Its height in pixels, at most [`COVER_SIDE`].
    pub height: u32,
    /// The encoded picture.
    pub image: Vec<u8>,
}

impl Cover {
    /// The picture as a `data:` URI: how XSPF's `<image>` and Strand's JSON carry a cover, so
    /// an exported playlist stays one file.
    pub fn data_uri(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.media_type,
            BASE64.encode(&self.image)
        )
    }
}

/// The bytes of a picture carried as a base64 `data:image/…` URI, if `uri` is one. Only the
/// bytes: [`prepare`] judges them as it judges a file.
pub fn data_uri_bytes(uri: &str) -> Option<Vec<u8>> {
    let (header, data) = uri.trim().strip_prefix("data:")?.split_once(',')?;
    let media_type = header.strip_suffix(";base64")?;
    if !media_type.to_ascii_lowercase().starts_with("image/") {
        return None;
    }
    BASE64.decode(data.trim()).ok()
}

/// The cover made of `bytes`, or why not.
pub fn prepare(bytes: &[u8]) -> Result<Cover> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| {
            refused(say!(
                "it could not be read ({error})",
                "es ließ sich nicht lesen ({error})"
            ))
        })?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP) => {}
        Some(other) => {
            let format = other
                .extensions_str()
                .first()
                .unwrap_or(&"other")
                .to_uppercase();
            return Err(refused(say!(
                "it is a {format} picture; a cover can be PNG, JPEG or WebP",
                "es ist ein {format}-Bild; ein Titelbild kann PNG, JPEG oder WebP sein"
            )));
        }
        None => {
            return Err(refused(say!(
                "it is not a PNG, JPEG or WebP picture",
                "es ist kein PNG-, JPEG- oder WebP-Bild"
            )));
        }
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    let mut reader = reader;
    reader.limits(limits);
    let picture = reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => refused(say!(
            "it is larger than {MAX_SOURCE_SIDE} × {MAX_SOURCE_SIDE} pixels",
            "es ist größer als {MAX_SOURCE_SIDE} × {MAX_SOURCE_SIDE} Pixel"
        )),
        other => refused(say!(
            "it is damaged or incomplete ({other})",
            "es ist beschädigt oder unvollständig ({other})"
        )),
    })?;
    encode(fit(picture))
}

/// The picture scaled down (never up) so its longer side is at most [`COVER_SIDE`].
fn fit(picture: DynamicImage) -> DynamicImage {
    if picture.width() <= COVER_SIDE && picture.height() <= COVER_SIDE {
        return picture;
    }
    picture.thumbnail(COVER_SIDE, COVER_SIDE)
}

/// PNG keeps a transparent cover's transparency; everything opaque is a much smaller JPEG.
fn encode(picture: DynamicImage) -> Result<Cover> {
    let (width, height) = (picture.width(), picture.height());
    let mut image = Vec::new();
    let media_type = if is_transparent(&picture) {
        picture
            .write_to(&mut Cursor::new(&mut image), ImageFormat::Png)
            .map_err(|error| not_stored(&error))?;
        "image/png"
    } else {
        JpegEncoder::new_with_quality(&mut image, JPEG_QUALITY)
            .encode_image(&picture.to_rgb8())
            .map_err(|error| not_stored(&error))?;
        "image/jpeg"
    };
    Ok(Cover {
        media_type: media_type.into(),
        width,
        height,
        image,
    })
}

/// Whether any pixel is less than opaque (an alpha channel alone does not make a cover
/// transparent: many opaque PNGs carry one).
fn is_transparent(picture: &DynamicImage) -> bool {
    picture.color().has_alpha()
        && picture
            .to_rgba8()
            .pixels()
            .any(|pixel| pixel.0[3] < u8::MAX)
}

fn not_stored(error: &dyn std::fmt::Display) -> Error {
    refused(say!(
        "it could not be stored ({error})",
        "es ließ sich nicht speichern ({error})"
    ))
}

fn refused(reason: String) -> Error {
    Error::invalid(
        "cover",
        say!(
            "this picture cannot be a cover: {reason}",
            "dieses Bild kann kein Titelbild sein: {reason}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn encoded(picture: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), format)
            .expect("encode a test picture");
        bytes
    }

    fn photo(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        }))
    }

    #[test]
    fn a_large_jpeg_is_scaled_to_fit_the_cover_side_keeping_its_shape() {
        let cover = prepare(&encoded(photo(1800, 1200), ImageFormat::Jpeg)).expect("a cover");
        assert_eq!((cover.width, cover.height), (600, 400));
        assert_eq!(cover.media_type, "image/jpeg");
        let stored = image::load_from_memory(&cover.image).expect("the stored cover decodes");
        assert_eq!((stored.width(), stored.height()), (600, 400));
    }

    #[test]
    fn a_small_png_keeps_its_size_and_an_opaque_one_is_stored_as_jpeg() {
        let cover = prepare(&encoded(photo(120, 80), ImageFormat::Png)).expect("a cover");
        assert_eq!((cover.width, cover.height), (120, 80));
        assert_eq!(cover.media_type, "image/jpeg");
    }

    #[test]
    fn a_transparent_webp_stays_transparent_as_png() {
        let mut picture = RgbaImage::from_pixel(40, 40, Rgba([200, 30, 30, 255]));
        picture.put_pixel(3, 3, Rgba([0, 0, 0, 0]));
        let cover = prepare(&encoded(
            DynamicImage::ImageRgba8(picture),
            ImageFormat::WebP,
        ))
        .expect("a cover");
        assert_eq!(cover.media_type, "image/png");
        let stored = image::load_from_memory(&cover.image).expect("decodes");
        assert_eq!(stored.to_rgba8().get_pixel(3, 3).0[3], 0);
    }

    #[test]
    fn a_cover_comes_back_whole_from_its_data_uri() {
        let cover = prepare(&encoded(photo(30, 20), ImageFormat::Png)).expect("a cover");
        let uri = cover.data_uri();
        assert!(uri.starts_with("data:image/jpeg;base64,"), "{uri}");
        assert_eq!(data_uri_bytes(&uri), Some(cover.image));
        assert_eq!(data_uri_bytes("data:text/plain;base64,aGk="), None);
        assert_eq!(data_uri_bytes("https://example.com/cover.jpg"), None);
    }

    #[test]
    fn bytes_that_are_no_picture_are_refused_as_a_cover() {
        let error = prepare(b"#EXTM3U\nsong.mp3\n").expect_err("not a picture");
        assert!(matches!(error, Error::Invalid { field: "cover", .. }));
        assert!(
            error.to_string().contains("not a PNG, JPEG or WebP"),
            "{error}"
        );
    }

    #[test]
    fn a_picture_in_another_format_is_refused_naming_it() {
        // A BMP header: the format is known to the guesser, but not one a cover may be.
        let error = prepare(b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0").expect_err("a BMP");
        assert!(error.to_string().contains("BMP"), "{error}");
    }

    #[test]
    fn a_truncated_png_is_refused_as_damaged() {
        let bytes = encoded(photo(64, 64), ImageFormat::Png);
        let error = prepare(&bytes[..bytes.len() / 2]).expect_err("truncated");
        assert!(
            error.to_string().contains("damaged or incomplete"),
            "{error}"
        );
    }

    #[test]
    fn a_picture_wider_than_the_limit_is_refused_before_its_pixels_are_made() {
        // One row of 12,001 pixels compresses to almost nothing: the size must be judged from
        // the header, not from the file's length.
        let bytes = encoded(photo(MAX_SOURCE_SIDE + 1, 1), ImageFormat::Png);
        let error = prepare(&bytes).expect_err("too large");
        assert!(error.to_string().contains("larger than"), "{error}");
    }
}
