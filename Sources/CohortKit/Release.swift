/// This release of Cohort: what `cohort --version` prints, and what a programme's workflow, written
/// by `cohort init`, installs. The one place the version is kept.
public enum Release {
    /// The version, tagged `v<version>` in Cohort's repository.
    public static let version = "0.2.0"
    /// The git tag of this version.
    public static var tag: String { "v" + version }
    /// Cohort's source repository, which a programme's workflow builds Cohort from.
    public static let repository = "https://github.com/cohort-programmes/cohort"
}
