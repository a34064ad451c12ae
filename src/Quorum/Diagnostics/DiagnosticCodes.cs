namespace Quorum.Diagnostics;

/// <summary>Every diagnostic code Quorum reports, in one place so the README's table and the tests stay in step.</summary>
public static class DiagnosticCodes
{
    // Files and syntax
    public const string YamlSyntax = "Q001";            // the YAML does not parse
    public const string FrontMatterMissing = "Q002";    // a .md file without a --- front-matter block
    public const string MissingKey = "Q003";            // a required key is absent
    public const string InvalidValue = "Q004";          // a value of the wrong shape (date, time, id, status, URL)
    public const string UnknownKey = "Q005";            // a key the format does not define (warning)
    public const string InvalidId = "Q006";             // a file name that is not a valid id
    public const string MisplacedFile = "Q007";         // a file where the input folder expects none (warning)

    // References
    public const string UnknownMember = "Q010";
    public const string UnknownBody = "Q011";
    public const string UnknownAction = "Q012";         // an update to an action in no meeting of the input (warning)
    public const string UnknownItem = "Q013";           // an action's item is not an item of its meeting (warning)

    // Uniqueness and consistency
    public const string DuplicateActionId = "Q020";
    public const string DuplicateAttendee = "Q021";     // the same person in two attendance groups (or twice in one)
    public const string DuplicateAlias = "Q022";        // an alias (or name) that would resolve to two members
    public const string DuplicateItemNumber = "Q023";
    public const string DuplicateSlug = "Q024";         // two files that would publish at the same URL
    public const string ActionIdOutlier = "Q025";       // an action id that breaks its meeting's numbering (a typo)
    public const string FileNameMismatch = "Q026";      // meeting file name disagrees with its date or body (warning)

    // Minutes text
    public const string SubItemOutsideItem = "Q030";
    public const string UnclosedBlock = "Q031";         // a ::: block with no closing ::: (warning: all to the end is inside it)
    public const string UnknownContainer = "Q032";      // ::: something that is neither decision nor exempt
}
