//! A tiny blocking HTTP/1.1 client for loopback addresses only: the benchmark's load
//! generator and the browser test's WebDriver client. It refuses any non-loopback address,
//! so a load loop can never leave the machine.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long one read or write may wait.
const IO_TIMEOUT: Duration = Duration::from_secs(60);

/// A response: status, headers (names lower-cased) and the whole body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header called `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One keep-alive connection to a loopback server; reconnects once when the server closed it.
pub struct LoopbackClient {
    addr: SocketAddr,
    connection: Option<BufReader<TcpStream>>,
}

impl LoopbackClient {
    /// A client for `addr`, which must be a loopback address (127.0.0.0/8 or ::1).
    pub fn new(addr: SocketAddr) -> io::Result<LoopbackClient> {
        if !addr.ip().is_loopback() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{addr} is not a loopback address"),
            ));
        }
        Ok(LoopbackClient {
            addr,
            connection: None,
        })
    }

    /// `GET path`.
    pub fn get(&mut self, path: &str) -> io::Result<HttpResponse> {
        self.request("GET", path, None)
    }

    /// Sends one request (with a JSON body when given) and reads the whole response.
    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        json_body: Option<&[u8]>,
    ) -> io::Result<HttpResponse> {
        let reused: bool = self.connection.is_some();
        match self.try_request(method, path, json_body) {
            Ok(response) => Ok(response),
            // The server may have closed an idle keep-alive connection: retry once, fresh.
            Err(_) if reused => {
                self.connection = None;
                self.try_request(method, path, json_body)
            }
            Err(e) => Err(e),
        }
    }

    fn try_request(
        &mut self,
        method: &str,
        path: &str,
        json_body: Option<&[u8]>,
    ) -> io::Result<HttpResponse> {
        if self.connection.is_none() {
            let stream: TcpStream = TcpStream::connect_timeout(&self.addr, IO_TIMEOUT)?;
            stream.set_read_timeout(Some(IO_TIMEOUT))?;
            stream.set_write_timeout(Some(IO_TIMEOUT))?;
            stream.set_nodelay(true)?;
            self.connection = Some(BufReader::new(stream));
        }
        let connection: &mut BufReader<TcpStream> = self
            .connection
            .as_mut()
            .ok_or_else(|| io::Error::other("no connection"))?;
        let mut head: String = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.addr);
        if let Some(body) = json_body {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        } else if method != "GET" {
            head.push_str("Content-Length: 0\r\n");
        }
        head.push_str("\r\n");
        let mut message: Vec<u8> = head.into_bytes();
        message.extend_from_slice(json_body.unwrap_or_default());
        connection.get_mut().write_all(&message)?;
        let response: HttpResponse = read_response(connection)?;
        if response
            .header("connection")
            .is_some_and(|value| value.eq_ignore_ascii_case("close"))
        {
            self.connection = None;
        }
        Ok(response)
    }
}

fn read_line(reader: &mut impl BufRead) -> io::Result<String> {
    let mut line: String = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed",
        ));
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn read_response(reader: &mut BufReader<TcpStream>) -> io::Result<HttpResponse> {
    let status_line: String = read_line(reader)?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid(format!("bad status line {status_line:?}")))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let line: String = read_line(reader)?;
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v.clone())
    };
    let body: Vec<u8> =
        if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
            read_chunked(reader)?
        } else if let Some(length) = find("content-length") {
            let length: usize = length
                .parse()
                .map_err(|_| invalid(format!("bad content-length {length:?}")))?;
            let mut body: Vec<u8> = vec![0; length];
            reader.read_exact(&mut body)?;
            body
        } else if status == 204 || status == 304 {
            Vec::new()
        } else {
            let mut body: Vec<u8> = Vec::new();
            reader.read_to_end(&mut body)?;
            body
        };
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn read_chunked(reader: &mut BufReader<TcpStream>) -> io::Result<Vec<u8>> {
    let mut body: Vec<u8> = Vec::new();
    loop {
        let size_line: String = read_line(reader)?;
        let size_hex: &str = size_line.split(';').next().unwrap_or("").trim();
        let size: usize = usize::from_str_radix(size_hex, 16)
            .map_err(|_| invalid(format!("bad chunk size {size_line:?}")))?;
        if size == 0 {
            // Trailers, then the empty line.
            while !read_line(reader)?.is_empty() {}
            return Ok(body);
        }
        let start: usize = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        read_line(reader)?;
    }
}

#[cfg(test)]
mod tests {
    use super::LoopbackClient;
    use std::net::SocketAddr;

    #[test]
    fn refuses_other_addresses() {
        let outside: SocketAddr = SocketAddr::from(([192, 0, 2, 1], 80));
        assert!(LoopbackClient::new(outside).is_err());
        assert!(LoopbackClient::new(SocketAddr::from(([127, 0, 0, 1], 80))).is_ok());
    }
}
