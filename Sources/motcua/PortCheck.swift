import Foundation
import NIOCore
import NIOPosix

/// Binds the address once before the server starts, so "port in use" is one clear line rather than a
/// failure deep in the service group's logs. With SO_REUSEADDR, as the server itself binds: the sockets a
/// crashed server leaves in TIME_WAIT do not block a restart, a live listener still does.
enum PortCheck {
    static func ensureFree(host: String, port: Int) throws {
        let channel: any Channel
        do {
            channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).wait()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandFailure("serve: \(host):\(port) is already in use (another server listens there; choose another --port)")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw CommandFailure("serve: permission denied to listen on \(host):\(port) (ports below 1024 need privileges)")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw CommandFailure("serve: \(host) is not an address of this machine (--host)")
        } catch {
            throw CommandFailure("serve: cannot listen on \(host):\(port): \(error)")
        }
        try? channel.close().wait()
    }
}
