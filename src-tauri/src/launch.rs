//! How this run of Strand was started: where its data lives and whether it is a demo.

use std::ffi::OsString;
use std::path::PathBuf;

/// Settings read once at start-up from the command line and the environment.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// `STRAND_DATA_DIR`: overrides the platform's app-data directory (tests, portable use).
    pub data_dir: Option<PathBuf>,
    /// `--demo` or `STRAND_DEMO=1`.
    pub demo: bool,
    /// `STRAND_EXIT_ON_READY=1`: print the start-up time once the library is interactive, then
    /// exit (for the start-up benchmark).
    pub exit_on_ready: bool,
}

impl Launch {
    pub fn from_env() -> Launch {
        Launch::from(std::env::args_os().skip(1), |name| std::env::var_os(name))
    }

    fn from(
        args: impl IntoIterator<Item = OsString>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Launch {
        let flag = |name: &str| env(name).is_some_and(|value| !value.is_empty() && value != "0");
        Launch {
            data_dir: env("STRAND_DATA_DIR")
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from),
            demo: flag("STRAND_DEMO") || args.into_iter().any(|arg| arg == "--demo"),
            exit_on_ready: flag("STRAND_EXIT_ON_READY"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(args: &[&str], env: &[(&str, &str)]) -> Launch {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Launch::from(args.iter().map(OsString::from), move |name| {
            env.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| OsString::from(value))
        })
    }

    #[test]
    fn demo_mode_comes_from_the_flag_or_the_environment() {
        assert!(launch(&["--demo"], &[]).demo);
        assert!(launch(&[], &[("STRAND_DEMO", "1")]).demo);
        assert!(!launch(&[], &[("STRAND_DEMO", "0")]).demo);
        assert!(!launch(&[], &[]).demo);
    }

    #[test]
    fn the_data_directory_can_be_overridden() {
        let launch = launch(&[], &[("STRAND_DATA_DIR", "/tmp/strand-test")]);
        assert_eq!(launch.data_dir, Some(PathBuf::from("/tmp/strand-test")));
    }
}
