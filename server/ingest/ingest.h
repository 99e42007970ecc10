#pragma once

class ServerContext;
class Reviewer;

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

//! \brief POST /api/v1/submissions: the checks of docs/server.md in order,
//! server-side pricing, then one store transaction.
class Ingest
{
public:
    Ingest(ServerContext &context, Reviewer &reviewer);
    void addRoutes(httplib::Server &server);

private:
    void submit(const httplib::Request &req, httplib::Response &res);

    ServerContext &m_context;
    Reviewer &m_reviewer;
};
