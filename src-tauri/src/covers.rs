//! Bundle covers: a picture chosen in the native open dialog (its path never reaches the page),
//! taken off, and served to the window over the `cover:` scheme by id, so a picture crosses as
//! bytes the webview caches rather than as JSON. The core judges every picture; this only asks
//! for it and hands it over.

use strand_core::{Bundle, BundleId, CoverId, Strand};
use tauri::http::{Request, Response, StatusCode, header};
use tauri::{AppHandle, Manager, Runtime, State, UriSchemeContext, UriSchemeResponder};

use crate::dialogs;
use crate::error::IpcResult;

/// The scheme the window reads covers from: `cover://localhost/<id>` (`http://cover.localhost/`
/// on Windows), allowed by the CSP's `img-src`.
pub const COVER_SCHEME: &str = "cover";

/// Asks for a picture and makes it the bundle's cover; `None` if the person cancelled.
#[tauri::command]
pub async fn choose_bundle_cover<R: Runtime>(
    app: AppHandle<R>,
    strand: State<'_, Strand>,
    bundle_id: BundleId,
) -> IpcResult<Option<Bundle>> {
    let Some(path) = dialogs::pick_cover(&app)? else {
        return Ok(None);
    };
    Ok(Some(strand.set_bundle_cover(bundle_id, &path)?))
}

/// Takes the bundle's cover picture off. Undoable.
#[tauri::command(async)]
pub fn remove_bundle_cover(strand: State<'_, Strand>, bundle_id: BundleId) -> IpcResult<Bundle> {
    Ok(strand.remove_bundle_cover(bundle_id)?)
}

/// Answers a `cover:` request off the main thread: the stored picture, or 404 for an id that
/// names none (a cover taken off and swept).
pub fn serve<R: Runtime>(
    context: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = context.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        responder.respond(cover_response(&app, request.uri().path()));
    });
}

fn cover_response<R: Runtime>(app: &AppHandle<R>, path: &str) -> Response<Vec<u8>> {
    let cover = path
        .trim_start_matches('/')
        .parse::<CoverId>()
        .ok()
        .and_then(|id| app.try_state::<Strand>()?.cover(id).ok());
    let response = match cover {
        // A cover id never names another picture, so the webview may keep it for good.
        Some(cover) => Response::builder()
            .header(header::CONTENT_TYPE, cover.media_type)
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(cover.image),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    };
    response.expect("a response of a status, two headers and bytes is always built")
}
