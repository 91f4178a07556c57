using System.Xml;
using System.Xml.Linq;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// The text of the root element's children (<c>&lt;Error&gt;&lt;Code&gt;...</c>, <c>&lt;Message&gt;&lt;MessageId&gt;...</c>):
/// the only XML shapes AcrReach meets. Namespaces are ignored; DTDs are refused.
/// </summary>
internal static class XmlFields
{
    public static Dictionary<string, string> Read(ReadOnlySpan<byte> xml)
    {
        using var stream = new MemoryStream(xml.ToArray());
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var root = XDocument.Load(reader).Root ?? throw new XmlException("no root element");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            fields.TryAdd(element.Name.LocalName, element.Value);
        }

        return fields;
    }
}
