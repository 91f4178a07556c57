using System.Globalization;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AcrReach.LocalCloud.Mns;

/// <summary>
/// MNS queue REST (platform.md §6): SendMessage (<c>POST /queues/{name}/messages</c>, 201), ReceiveMessage,
/// DeleteMessage and GetQueueAttributes, signed with MNS's own scheme and answered in MNS XML.
/// </summary>
internal sealed class MnsEndpoint(MnsQueues queues, MnsAuthenticator authenticator, TrafficShaper shaper, CallCounter calls, TimeProvider time, string hostId)
{
    private const string Namespace = "http://mns.aliyuncs.com/doc/v1/";

    public static bool Handles(PathString path) => path.StartsWithSegments("/queues", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N").ToUpperInvariant()[..24];
        context.Response.Headers["x-mns-request-id"] = requestId;
        context.Response.Headers["x-mns-version"] = "2015-06-06";
        try
        {
            var segments = context.Request.Path.Value!.Trim('/').Split('/');
            var method = context.Request.Method;
            var action = (segments.Length, method) switch
            {
                (2, "GET") => "GetQueueAttributes",
                (3, "POST") when segments[2] == "messages" => "SendMessage",
                (3, "GET") when segments[2] == "messages" => "ReceiveMessage",
                (3, "DELETE") when segments[2] == "messages" => "DeleteMessage",
                _ => throw new ApiError("InvalidArgument", $"{method} {context.Request.Path} is not an MNS queue operation served here."),
            };
            calls.Count(action);
            var body = await RequestBody.ReadAsync(context.Request);
            if (shaper.Latency > TimeSpan.Zero)
            {
                await Task.Delay(shaper.Latency, time, context.RequestAborted);
            }

            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            authenticator.Authenticate(method, rawTarget, headers, body);
            var queue = Uri.UnescapeDataString(segments[1]);
            if (!queues.Exists(queue))
            {
                throw new ApiError("QueueNotExist", "The queue name you provided is not exist.", 404);
            }

            shaper.Admit(action);
            switch (action)
            {
                case "SendMessage":
                    var sent = Send(queue, body);
                    await WriteXmlAsync(context, 201, $"<Message xmlns=\"{Namespace}\"><MessageId>{sent.Message.MessageId}</MessageId><MessageBodyMD5>{sent.BodyMd5}</MessageBodyMD5></Message>");
                    break;
                case "ReceiveMessage":
                    var received = queues.Receive(queue) ?? throw new ApiError("MessageNotExist", "Message not exist.", 404);
                    await WriteXmlAsync(context, 200, $"<Message xmlns=\"{Namespace}\"><MessageId>{received.Message.MessageId}</MessageId><ReceiptHandle>{received.ReceiptHandle}</ReceiptHandle><MessageBodyMD5>{received.BodyMd5}</MessageBodyMD5><MessageBody>{SecurityElement.Escape(received.Message.Body)}</MessageBody><EnqueueTime>{received.Message.EnqueueTime.ToUnixTimeMilliseconds()}</EnqueueTime><NextVisibleTime>{received.VisibleAt.ToUnixTimeMilliseconds()}</NextVisibleTime><FirstDequeueTime>{received.FirstDequeue!.Value.ToUnixTimeMilliseconds()}</FirstDequeueTime><DequeueCount>{received.DequeueCount}</DequeueCount><Priority>{received.Message.Priority}</Priority></Message>");
                    break;
                case "DeleteMessage":
                    var handle = context.Request.Query["ReceiptHandle"].ToString();
                    if (!queues.Delete(queue, handle))
                    {
                        throw new ApiError("ReceiptHandleError", "The receipt handle you provided is not valid.");
                    }

                    context.Response.StatusCode = 204;
                    break;
                default:
                    var (created, active, inactive, delayed) = queues.Attributes(queue);
                    var seconds = created.ToUnixTimeSeconds();
                    await WriteXmlAsync(context, 200, $"<Queue xmlns=\"{Namespace}\"><QueueName>{SecurityElement.Escape(queue)}</QueueName><CreateTime>{seconds}</CreateTime><LastModifyTime>{seconds}</LastModifyTime><DelaySeconds>0</DelaySeconds><MaximumMessageSize>65536</MaximumMessageSize><MessageRetentionPeriod>345600</MessageRetentionPeriod><VisibilityTimeout>{(int)MnsQueues.VisibilityTimeout.TotalSeconds}</VisibilityTimeout><PollingWaitSeconds>0</PollingWaitSeconds><ActiveMessages>{active}</ActiveMessages><InactiveMessages>{inactive}</InactiveMessages><DelayMessages>{delayed}</DelayMessages><LoggingEnabled>False</LoggingEnabled></Queue>");
                    break;
            }
        }
        catch (ApiError error)
        {
            await WriteXmlAsync(context, error.HttpStatus, $"<Error xmlns=\"{Namespace}\"><Code>{SecurityElement.Escape(error.Code)}</Code><Message>{SecurityElement.Escape(error.Message)}</Message><RequestId>{requestId}</RequestId><HostId>{SecurityElement.Escape(hostId)}</HostId></Error>");
        }
    }

    private MnsQueues.Delivery Send(string queue, byte[] body)
    {
        XElement message;
        try
        {
            message = XDocument.Parse(Encoding.UTF8.GetString(body)).Root ?? throw new XmlException("empty document");
        }
        catch (XmlException e)
        {
            throw new ApiError("MalformedXML", $"The XML you provided was not well-formed: {e.Message}");
        }

        XNamespace ns = Namespace;
        if (message.Name != ns + "Message")
        {
            throw new ApiError("MalformedXML", $"The root element must be <Message xmlns=\"{Namespace}\">.");
        }

        var text = message.Element(ns + "MessageBody")?.Value ?? throw new ApiError("InvalidArgument", "MessageBody is mandatory.");
        if (text.Length == 0 || Encoding.UTF8.GetByteCount(text) > 65536)
        {
            throw new ApiError("InvalidArgument", "The MessageBody must be 1 to 65536 bytes long.");
        }

        var delay = Number(message.Element(ns + "DelaySeconds"), "DelaySeconds", 0, 0, 604800);
        var priority = Number(message.Element(ns + "Priority"), "Priority", 8, 1, 16);
        return queues.Send(queue, text, priority, delay);
    }

    private static int Number(XElement? element, string name, int defaultValue, int min, int max)
    {
        if (element is null)
        {
            return defaultValue;
        }

        return int.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiError("InvalidArgument", $"{name} must be between {min} and {max}.");
    }


    private static Task WriteXmlAsync(HttpContext context, int status, string xml)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=utf-8";
        return context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }
}
