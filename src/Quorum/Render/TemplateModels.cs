using Quorum.Data;

namespace Quorum.Render;

/// <summary>
/// The model each of a theme's templates is given (<see cref="PageList"/> makes them; PageModels.cs has them): what a
/// template's paths are read from. The theme compiler resolves the default theme's paths against these types, so a
/// path that names no property fails when Quorum is built, not when a page is rendered.
/// </summary>
public static class TemplateModels
{
    public static readonly IReadOnlyDictionary<string, Type> ByTemplate = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["layout"] = typeof(LayoutModel),
        ["home"] = typeof(HomeModel),
        ["meetings"] = typeof(MeetingsModel),
        ["meeting"] = typeof(MeetingModel),
        ["members"] = typeof(MembersModel),
        ["member"] = typeof(MemberModel),
        ["actions"] = typeof(ActionsModel),
        ["action"] = typeof(ActionModel),
        ["decisions"] = typeof(DecisionsModel),
        ["bodies"] = typeof(BodiesModel),
        ["body"] = typeof(BodyModel),
        ["page"] = typeof(PageModel),
        ["data"] = typeof(DataPageModel),
        ["search"] = typeof(EmptyModel),
        ["404"] = typeof(EmptyModel),
    };
}
