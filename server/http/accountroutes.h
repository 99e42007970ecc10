#pragma once

class ServerContext;

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

//! \brief Accounts and devices: register, devices, checksums, /api/v1/me.
class AccountRoutes
{
public:
    explicit AccountRoutes(ServerContext &context);
    void addRoutes(httplib::Server &server);

private:
    void registerUser(const httplib::Request &req, httplib::Response &res);
    void addDevice(const httplib::Request &req, httplib::Response &res);
    void checksums(const httplib::Request &req, httplib::Response &res);
    void getMe(const httplib::Request &req, httplib::Response &res);
    void deleteMe(const httplib::Request &req, httplib::Response &res);
    void patchMe(const httplib::Request &req, httplib::Response &res);

    ServerContext &m_context;
};
